package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    Instant now = Instant.parse("2026-02-01T00:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    final CircuitBreaker breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(2));

    @Test
    void itOpensOnlyAfterTheThresholdOfFailuresInARow() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertTrue(breaker.allowsCall(), "a success in between resets the count");

        breaker.failed();

        assertTrue(breaker.isOpen());
        assertFalse(breaker.allowsCall());
    }

    @Test
    void afterTheOpenTimeExactlyOneTrialGoesThrough() {
        openIt();
        now = now.plusMillis(1999);
        assertFalse(breaker.allowsCall());

        now = now.plusMillis(1);

        assertTrue(breaker.allowsCall(), "the trial");
        assertFalse(breaker.allowsCall(), "no second call while the trial is out");
    }

    @Test
    void aSuccessfulTrialClosesItAndAFailedOneReopensIt() {
        openIt();
        now = now.plusSeconds(2);
        breaker.allowsCall();
        breaker.failed();
        assertFalse(breaker.allowsCall(), "reopened for another two seconds");

        now = now.plusSeconds(2);
        assertTrue(breaker.allowsCall());
        breaker.succeeded();

        assertFalse(breaker.isOpen());
        assertTrue(breaker.allowsCall());
        assertTrue(breaker.allowsCall());
    }

    private void openIt() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
    }
}
