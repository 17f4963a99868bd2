package dev.hallpass.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock every rule reads, so that tests can move time instead of sleeping. */
@ApplicationScoped
public class SystemClock {

    /** Microsecond ticks: what the database keeps, so a value reads back as it was written. */
    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
