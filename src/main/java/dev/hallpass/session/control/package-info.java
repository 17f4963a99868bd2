/**
 * Session rules without I/O: timeouts and sliding expiry, the limit decision of a login, client binding
 * verdicts, secret and handle generation, and the {@code SessionStore} and {@code SessionDirectory}
 * ports that infrastructure implements.
 */
package dev.hallpass.session.control;
