package dev.hallpass.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {

    static final Instant START = Instant.parse("2026-01-01T09:00:00Z");
    final SessionTimeouts timeouts = new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(1));

    @Test
    void idleExpirySlidesFromTheLatestActivity() {
        Instant absolute = timeouts.absoluteExpiry(START);

        assertEquals(START.plus(Duration.ofHours(12)), absolute);
        assertEquals(START.plus(Duration.ofMinutes(30)), timeouts.idleExpiry(START, absolute));
        assertEquals(START.plus(Duration.ofMinutes(70)), timeouts.idleExpiry(START.plus(Duration.ofMinutes(40)), absolute));
    }

    @Test
    void idleExpiryNeverPassesTheAbsoluteExpiry() {
        Instant absolute = timeouts.absoluteExpiry(START);
        Instant lateActivity = absolute.minus(Duration.ofMinutes(5));

        assertEquals(absolute, timeouts.idleExpiry(lateActivity, absolute));
    }

    @Test
    void touchIsDueOnlyOnceTheIntervalHasPassed() {
        assertFalse(timeouts.touchDue(START, START.plusSeconds(59)));
        assertTrue(timeouts.touchDue(START, START.plusSeconds(60)));
    }

    @Test
    void aTouchIntervalAsLongAsTheIdleTimeoutIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SessionTimeouts(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(5)));
        assertTrue(e.getMessage().contains("touch interval"), e.getMessage());
    }

    @Test
    void zeroOrNegativeTimeoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionTimeouts(Duration.ZERO, Duration.ofHours(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new SessionTimeouts(Duration.ofMinutes(5), Duration.ofHours(-1), Duration.ZERO));
    }
}
