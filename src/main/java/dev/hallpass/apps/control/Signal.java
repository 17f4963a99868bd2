package dev.hallpass.apps.control;

import java.time.Instant;

/**
 * One entry of the revocation feed, as the outbox stores it: a session ended, or an account's credential
 * changed (a password change or reset, a disable). {@code position} orders the feed; {@code reason} is the
 * session's end reason or the account change, by name.
 */
public record Signal(long position, Kind kind, String sessionHandle, String username, String reason, Instant occurredAt) {

    public enum Kind {
        SESSION_REVOKED("https://schemas.openid.net/secevent/caep/event-type/session-revoked"),
        CREDENTIAL_CHANGE("https://schemas.openid.net/secevent/caep/event-type/credential-change");

        private final String uri;

        Kind(String uri) {
            this.uri = uri;
        }

        /** The CAEP event type URI. */
        public String uri() {
            return uri;
        }

        public static java.util.Optional<Kind> ofUri(String uri) {
            for (Kind kind : values()) {
                if (kind.uri.equals(uri)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
