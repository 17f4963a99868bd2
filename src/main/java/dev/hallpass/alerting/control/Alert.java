package dev.hallpass.alerting.control;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert a node fired, with how its webhook delivery went. {@code subject} tells alerts of one kind apart
 * (the event type and user, the store); it is what the cool-down counts per.
 */
public record Alert(String id, Kind kind, Severity severity, String subject, String summary, String node, Instant firedAt,
                    Delivery delivery, int attempts, String lastError) {

    public enum Kind { SECURITY_EVENT, SESSIONS_ENDED, REDIS_DOWN, REDIS_RECOVERED, DATABASE_DOWN, DATABASE_RECOVERED }

    public enum Severity { CRITICAL, WARNING, INFO }

    /** Where the webhook delivery stands; {@code NOT_CONFIGURED} when no webhook URL is set (the console still lists it). */
    public enum Delivery { NOT_CONFIGURED, PENDING, DELIVERED, FAILED, DROPPED }

    public Alert {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(firedAt);
        Objects.requireNonNull(delivery);
    }

    public Alert delivering(Delivery state, int attemptsSoFar, String error) {
        return new Alert(id, kind, severity, subject, summary, node, firedAt, state, attemptsSoFar, error);
    }
}
