package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

    /** A session the login has to end first, and why. */
    public record ToEnd(SessionState session, EndReason reason) {
    }

    /**
     * What a new login of {@code username} from {@code ipAddress} must end first, given the live sessions
     * of that user and from that address (each oldest first, as the store holds them under its lock):
     * every one that has run out (with its expiry reason), then, if a count is still at its limit, the
     * oldest ones the policy may evict. Past the per-user limit any of the user's sessions may go; past
     * the per-address limit only the user's own, never another user's behind the same address. Throws
     * {@link SessionLimitReached} when the policy is reject, or when there is not enough to evict.
     */
    public List<ToEnd> toEndBeforeLogin(String username, List<SessionState> usersSessions, List<SessionState> addressSessions,
                                        Instant now) {
        Map<String, ToEnd> ends = new LinkedHashMap<>();
        if (maxPerUser > 0) {
            makeRoom(usersSessions, maxPerUser, SessionLimitReached.Scope.USER, candidate -> true, now, ends);
        }
        if (maxPerIp > 0) {
            makeRoom(addressSessions, maxPerIp, SessionLimitReached.Scope.IP,
                    candidate -> candidate.username().equals(username), now, ends);
        }
        return List.copyOf(ends.values());
    }

    private void makeRoom(List<SessionState> oldestFirst, int limit, SessionLimitReached.Scope scope,
                          Predicate<SessionState> evictable, Instant now, Map<String, ToEnd> ends) {
        List<SessionState> live = new ArrayList<>();
        for (SessionState candidate : oldestFirst) {
            Optional<EndReason> expiry = candidate.expiryAt(now);
            if (expiry.isPresent()) {
                ends.putIfAbsent(candidate.handle(), new ToEnd(candidate, expiry.get()));
            } else if (!ends.containsKey(candidate.handle())) {
                live.add(candidate);
            }
        }
        int excess = live.size() - limit + 1;
        if (excess <= 0) {
            return;
        }
        List<SessionState> candidates = live.stream().filter(evictable).toList();
        if (policy == Policy.REJECT || candidates.size() < excess) {
            throw new SessionLimitReached(scope, limit);
        }
        candidates.subList(0, excess).forEach(oldest -> ends.put(oldest.handle(), new ToEnd(oldest, EndReason.EVICTED)));
    }
}
