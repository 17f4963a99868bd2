package dev.hallpass.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading native queries' time columns. */
final class SqlTimes {

    private SqlTimes() {
    }

    /** Drivers answer TIMESTAMP WITH TIME ZONE as OffsetDateTime (H2, PostgreSQL), Timestamp or Instant. */
    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
