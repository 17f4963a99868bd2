package dev.hallpass.session.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which users have an open event stream on any node: each node reports its own every few seconds
 * (implemented on Redis in infrastructure; without Redis each node knows only its own streams).
 */
public interface StreamPresence {

    /** This node holds open streams of these users now. */
    void report(Collection<String> usernames, Instant at);

    /** When a node last reported an open stream of each of these users; empty when that is unknown now (no Redis, or it failed). */
    Optional<Map<String, Instant>> lastReported(Collection<String> usernames);
}
