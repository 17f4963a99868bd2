package dev.hallpass.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Token buckets by key (a client, an account, a token family): the port through which features limit how
 * often something may happen. Implemented by {@code infrastructure.cache.RateLimits} (shared by every node
 * through Redis, or per node without it).
 */
public interface RateLimiter {

    /** A bucket of {@code capacity} tokens refilled evenly over {@code period}. */
    record Limit(String name, long capacity, Duration period) {

        public Limit {
            Objects.requireNonNull(name, "name");
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("limit " + name + " needs a positive capacity and period");
            }
        }
    }

    /** Takes one token: 0 if there was one, else how long until there is. */
    Duration tryTake(Limit limit, String key);

    /** Gives back a token taken for something that turned out not to count. */
    void giveBack(Limit limit, String key);

    /** Fills the bucket again (a successful login clears the account's failures). */
    void reset(Limit limit, String key);
}
