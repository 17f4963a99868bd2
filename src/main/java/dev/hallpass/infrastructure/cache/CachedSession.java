package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionState;
import java.time.Duration;
import java.time.Instant;

/**
 * A session as the caches hold it: with the moment the database last said it was active. Touches
 * change the session but never that moment, so no cache entry outlives {@code confirmedAt} plus
 * {@code hallpass.cache.redis-max-ttl}, however busy the session is.
 */
record CachedSession(SessionState session, Instant confirmedAt) {

    CachedSession with(SessionState changed) {
        return new CachedSession(changed, confirmedAt);
    }

    /** How long a cache may still keep it: to the first of its absolute expiry and the confirmation's end. */
    Duration remaining(Instant now, Duration maxTtl) {
        Instant until = confirmedAt.plus(maxTtl);
        if (session.absoluteExpiresAt().isBefore(until)) {
            until = session.absoluteExpiresAt();
        }
        return Duration.between(now, until);
    }
}
