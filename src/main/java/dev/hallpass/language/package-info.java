/**
 * Shared kernel of the reader's language: which of the supported languages a request's
 * {@code Accept-Language} chooses ({@code Languages}), and sentences from a resource bundle put into that
 * language ({@code Texts}). Each package keeps its own bundle beside its code: problems in {@code problem},
 * pushed notices in {@code session.push}, pages and scripts in {@code web}. Depends on nothing of Hallpass.
 */
package dev.hallpass.language;
