package dev.hallpass.session.boundary;

import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;

/** CDI event: something about a session that goes into the security events (see {@link SessionAudit}). */
public record SessionIncident(SecurityEvent.Type type, String username, String handle, ClientInfo client, String detail) {
}
