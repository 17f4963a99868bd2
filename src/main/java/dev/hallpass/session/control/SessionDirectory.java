package dev.hallpass.session.control;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Searching all sessions, for the console: read straight from the database (the truth), never
 * through the caches. Implemented with JPA in infrastructure.
 */
public interface SessionDirectory {

    /** Exactly how many sessions match at {@code now}. */
    long count(SessionFilter filter, Instant now);

    List<SessionRow> page(SessionFilter filter, SessionSort sort, Instant now, int offset, int limit);

    /** Up to {@code limit} handles of sessions that match a {@link SessionFilter#live()} filter, oldest first. */
    List<String> liveHandles(SessionFilter filter, Instant now, int limit);

    /** Up to {@code limit} handles of sessions still marked live whose (idle or absolute) expiry has passed, earliest first. */
    List<String> runOut(Instant now, int limit);

    /** Session ends per minute in {@code [from, to)}, by reason; a session that ran out counts at its expiry. */
    List<MinuteCount> endsPerMinute(Instant from, Instant to);

    /**
     * For each of these users who has a session row: when any of their sessions was last seen, and when a
     * live (not ended, not run out) one was; the database's view, as exact as the touch batching.
     */
    Map<String, LastSeen> lastSeen(Collection<String> usernames, Instant now);

    /** A user's last activity: {@code live} is null when no live session was ever seen. */
    record LastSeen(Instant any, Instant live) {
    }

    /** How many sessions of one kind in one minute (the minute's start); {@code kind} is an end reason. */
    record MinuteCount(Instant minute, String kind, long count) {
    }
}
