/** Recording and reading security events (more event types come with the session policies). */
package dev.hallpass.audit.boundary;
