package dev.hallpass.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock every rule reads, so that tests can move time instead of sleeping. */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return new MicrosecondClock();
    }
}
