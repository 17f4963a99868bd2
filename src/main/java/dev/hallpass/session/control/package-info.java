/**
 * Session rules without I/O: timeouts and sliding expiry, secret and handle generation, and the
 * {@code SessionStore} port that infrastructure implements.
 */
package dev.hallpass.session.control;
