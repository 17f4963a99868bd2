package dev.hallpass.session.control;

import java.util.Locale;

/**
 * How many live sessions one user and one client IP may hold, and what a login beyond that does.
 * A limit of 0 means "no limit".
 */
public record SessionLimits(int maxPerUser, int maxPerIp, Policy policy) {

    /** What happens when a login would go over a limit. */
    public enum Policy {
        /** The oldest sessions end (reason {@code EVICTED}) to make room. */
        EVICT_OLDEST,
        /** The login is refused with a 409 problem. */
        REJECT;

        /** {@code evict-oldest} or {@code reject}, as in the configuration. */
        public static Policy parse(String value) {
            for (Policy policy : values()) {
                if (policy.configName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("hallpass.session.limit-policy must be evict-oldest or reject, was " + value);
        }

        private String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public SessionLimits {
        if (maxPerUser < 0 || maxPerIp < 0) {
            throw new IllegalArgumentException("session limits must be 0 (none) or positive");
        }
    }

    public static final SessionLimits NONE = new SessionLimits(0, 0, Policy.EVICT_OLDEST);
}
