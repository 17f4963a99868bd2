package dev.hallpass.testsupport.server;

import dev.hallpass.infrastructure.time.MicrosecondClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** The production clock, moved by the offset: tests run the same clock code as production. */
    public static final class Offset extends MicrosecondClock {

        @Override
        public Instant instant() {
            return super.instant().plus(OFFSET.get());
        }
    }
}
