package dev.hallpass.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock every rule reads, so that tests can move time instead of sleeping. */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return new MicrosecondClock();
    }

    /**
     * UTC in whole microseconds: what the database keeps, so a value reads back as it was written.
     * Not {@code Clock.tick(…, 1 µs)}: the JDK's tick clock divides by the tick in milliseconds in
     * {@code millis()}, which is zero for a sub-millisecond tick.
     */
    static final class MicrosecondClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Hallpass keeps time in UTC");
        }
    }
}
