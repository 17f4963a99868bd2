/**
 * Errors a caller can be told about: {@code ProblemException} and its kinds, which the web layer
 * renders as {@code application/problem+json}. Every feature throws these; none renders them.
 */
package dev.hallpass.problem;
