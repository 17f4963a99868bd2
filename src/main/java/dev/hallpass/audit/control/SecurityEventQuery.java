package dev.hallpass.audit.control;

import dev.hallpass.audit.entity.SecurityEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Which security events to list: every filter optional (type, user, IP prefix, time range
 * {@code [from, to)}), newest first, one page of {@code limit} after skipping {@code offset}.
 */
public record SecurityEventQuery(Optional<SecurityEvent.Type> type, Optional<String> username,
                                 Optional<String> ipPrefix, Optional<Instant> from, Optional<Instant> to,
                                 int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public SecurityEventQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit within 1.." + MAX_LIMIT);
        }
    }

    /** The same filters, another page. */
    public SecurityEventQuery page(int offset, int limit) {
        return new SecurityEventQuery(type, username, ipPrefix, from, to, offset, limit);
    }
}
