/**
 * The session's data: the {@code Session} root, its status and why it ended. JPA annotations only;
 * no JAX-RS, JSON or cache code belongs here.
 */
package dev.hallpass.session.entity;
