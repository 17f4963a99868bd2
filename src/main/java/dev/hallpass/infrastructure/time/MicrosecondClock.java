package dev.hallpass.infrastructure.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * UTC in whole microseconds: what the database keeps, so a value reads back as it was written.
 * Not {@code Clock.tick(…, 1 µs)}: the JDK's tick clock divides by the tick in milliseconds in
 * {@code millis()}, which is zero for a sub-millisecond tick. Tests move time with a subclass, so
 * they run this clock's code too.
 */
public class MicrosecondClock extends Clock {

    @Override
    public Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
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
