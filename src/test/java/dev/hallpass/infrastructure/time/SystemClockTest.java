package dev.hallpass.infrastructure.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SystemClockTest {

    final Clock clock = new SystemClock().clock();

    @Test
    void instantsAreWholeMicrosecondsInUtc() {
        Instant now = clock.instant();

        assertEquals(0, now.getNano() % 1_000);
        assertEquals("Z", clock.getZone().getId());
    }

    @Test
    void millisWorksAndAgreesWithTheInstant() {
        long millis = clock.millis();
        long fromInstant = clock.instant().toEpochMilli();

        assertTrue(Math.abs(fromInstant - millis) < 1_000, millis + " vs " + fromInstant);
    }
}
