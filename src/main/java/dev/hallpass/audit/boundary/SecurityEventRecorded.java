package dev.hallpass.audit.boundary;

import dev.hallpass.audit.entity.SecurityEvent;
import java.time.Instant;

/** CDI event, fired synchronously as a security event is recorded (alerting listens; observers must be quick). */
public record SecurityEventRecorded(SecurityEvent.Type type, String username, Instant at) {
}
