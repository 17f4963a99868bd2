/** Audit rules without I/O: the security-event query and the {@code SecurityEventRepository} and {@code KnownNetworkRepository} ports. */
package dev.hallpass.audit.control;
