package dev.hallpass.session.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sliding idle timeout inside an absolute limit, with throttled "last seen" writes.
 *
 * <p>Activity is recorded at most once per {@code touchInterval}, so the stored idle expiry can lag the
 * last request by up to that interval: a session whose requests are never further apart than
 * {@code idle - touchInterval} never expires, and an abandoned one ends at most {@code idle} after its
 * last request. That is why the touch interval must be well below the idle timeout.
 */
public record SessionTimeouts(Duration idle, Duration absolute, Duration touchInterval) {

    public SessionTimeouts {
        requirePositive(idle, "idle timeout");
        requirePositive(absolute, "absolute timeout");
        Objects.requireNonNull(touchInterval, "touch interval");
        if (touchInterval.isNegative()) {
            throw new IllegalArgumentException("touch interval must not be negative");
        }
        if (touchInterval.compareTo(idle) >= 0) {
            throw new IllegalArgumentException("touch interval (" + touchInterval
                    + ") must be shorter than the idle timeout (" + idle + ")");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public Instant absoluteExpiry(Instant start) {
        return start.plus(absolute);
    }

    /** Idle expiry after activity at {@code now}, never beyond the absolute expiry. */
    public Instant idleExpiry(Instant now, Instant absoluteExpiry) {
        Instant sliding = now.plus(idle);
        return sliding.isBefore(absoluteExpiry) ? sliding : absoluteExpiry;
    }

    /** Whether activity at {@code now} must be written, given the last write at {@code lastSeen}. */
    public boolean touchDue(Instant lastSeen, Instant now) {
        return !now.isBefore(lastSeen.plus(touchInterval));
    }
}
