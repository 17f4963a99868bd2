package dev.hallpass.apps.control;

import java.time.Instant;
import java.util.Set;

/**
 * A receiver's stream: who owns it (a client of {@code hallpass.token.clients}), how events reach it, which
 * kinds it asked for, and how far it acknowledged (every entry up to {@code ackedThrough} is done).
 */
public record SignalStream(String id, String clientId, String description, Delivery delivery, String endpointUrl,
                           Set<Signal.Kind> events, long ackedThrough, Instant createdAt, Instant lastSeenAt,
                           int failures, Instant nextAttemptAt) {

    public enum Delivery {
        POLL("urn:ietf:rfc:8936"), PUSH("urn:ietf:rfc:8935");

        private final String uri;

        Delivery(String uri) {
            this.uri = uri;
        }

        public String uri() {
            return uri;
        }

        public static java.util.Optional<Delivery> ofUri(String uri) {
            for (Delivery delivery : values()) {
                if (delivery.uri.equals(uri)) {
                    return java.util.Optional.of(delivery);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public SignalStream {
        events = Set.copyOf(events);
    }

    public SignalStream withSettings(String newDescription, Set<Signal.Kind> newEvents) {
        return new SignalStream(id, clientId, newDescription, delivery, endpointUrl, newEvents, ackedThrough, createdAt,
                lastSeenAt, failures, nextAttemptAt);
    }
}
