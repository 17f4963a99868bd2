package dev.hallpass.session.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session's cookie secret is renewed, and how long the secret it replaced stays good: a copied cookie
 * dies within the rotation period plus the overlap unless its thief keeps using it, and then the second
 * secret in use gives the theft away. {@code standard} or {@code rememberMe} zero: never renewed.
 */
public record SecretRotation(Duration standard, Duration rememberMe, Duration overlap) {

    public SecretRotation {
        if (standard.isNegative() || rememberMe.isNegative() || overlap.isNegative()) {
            throw new IllegalArgumentException("hallpass.session.secret-rotation* must not be negative");
        }
        Duration shortest = standard.isZero() ? rememberMe : rememberMe.isZero() ? standard
                : standard.compareTo(rememberMe) < 0 ? standard : rememberMe;
        if (!shortest.isZero() && overlap.compareTo(shortest) >= 0) {
            throw new IllegalArgumentException("hallpass.session.secret-rotation-overlap must be shorter than the rotation period");
        }
    }

    /** Whether the session's current secret is old enough to be replaced now. */
    public boolean due(SessionState session, Instant now) {
        Duration period = session.rememberMe() ? rememberMe : standard;
        return !period.isZero() && !now.isBefore(session.secretIssuedAt().plus(period));
    }

    /** Whether the secret the last rotation replaced is still good at {@code now}. */
    public boolean inOverlap(SessionState session, Instant now) {
        return now.isBefore(session.secretIssuedAt().plus(overlap));
    }
}
