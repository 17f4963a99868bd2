package dev.hallpass.apps.control;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The outbox of the revocation feed (port; the database implements it). Entries are appended in the
 * transaction of the change they report and numbered later, once committed, by {@link #publish()}.
 */
public interface SignalLog {

    /** Adds an entry in the caller's transaction: it exists exactly if the change committed. */
    void append(Signal.Kind kind, String sessionHandle, String username, String reason, Instant at);

    /**
     * Gives the committed, not yet numbered entries their positions, one publisher at a time; returns how
     * many. Cheap when there is nothing to number (one read, no lock).
     */
    int publish();

    /** Numbered entries of these kinds after {@code position}, in order, at most {@code limit}. */
    List<Signal> after(long position, Set<Signal.Kind> kinds, int limit);

    /** The position of the last entry older than {@code at} (0 if none): where a new stream starts. */
    long lastPositionBefore(Instant at);

    /** Deletes up to {@code limit} numbered entries older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff, int limit);
}
