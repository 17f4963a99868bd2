package dev.hallpass.testsupport.server;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deployed only in tests: replaces the system clock with one that runs normally but can be moved
 * forward, so expiry is tested in milliseconds instead of half-hour sleeps.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class MovableClock {

    static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Produces
    Clock clock() {
        return new Offset();
    }

    static Instant advance(Duration by) {
        OFFSET.accumulateAndGet(by, Duration::plus);
        return new Offset().instant();
    }

    public static final class Offset extends Clock {

        private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return SYSTEM.instant().plus(OFFSET.get());
        }
    }
}
