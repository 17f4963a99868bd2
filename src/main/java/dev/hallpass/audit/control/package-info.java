/** Audit rules without I/O: the security-event repository port. */
package dev.hallpass.audit.control;
