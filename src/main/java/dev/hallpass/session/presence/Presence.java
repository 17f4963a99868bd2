package dev.hallpass.session.presence;

import dev.hallpass.session.control.SessionDirectory;
import dev.hallpass.session.control.SessionDirectory.LastSeen;
import dev.hallpass.session.control.StreamPresence;
import dev.hallpass.session.push.SessionStreams;
import dev.hallpass.session.push.StreamOpened;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is online. A user is online while one of their sessions has an open event stream (on this node:
 * known directly; on another: reported to Redis every {@code hallpass.presence.check-interval}, believed for
 * three intervals) or a live session of theirs was used within {@code hallpass.presence.window}, as the
 * database's last-seen times say (written by the touch batching, so exact to {@code hallpass.session.touch-interval}).
 * No request writes anything for presence. With Redis down the answer is {@code degraded}: other nodes' streams
 * are not seen, the database's last-seen decides.
 */
@ApplicationScoped
public class Presence {

    private static final Logger LOG = Logger.getLogger(Presence.class.getName());
    /** At most this many users per question (one query). */
    public static final int MAX_USERS = 500;

    @Inject
    SessionDirectory directory;

    @Inject
    StreamPresence streamPresence;

    @Inject
    SessionStreams streams;

    @Inject
    PresenceFeed feed;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.presence.window", defaultValue = "PT5M")
    Duration window;

    @Inject
    @ConfigProperty(name = "hallpass.presence.check-interval", defaultValue = "PT5S")
    Duration checkInterval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    private ScheduledFuture<?> reports;

    void start(@Observes Startup startup) {
        long millis = checkInterval.toMillis();
        reports = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (reports != null) {
            reports.cancel(false);
        }
    }

    /** The presence of each of these users (canonical names), in the order given. */
    public Map<String, UserPresence> of(Collection<String> usernames) {
        Instant now = clock.instant();
        Set<String> here = streams.openUsers();
        Optional<Map<String, Instant>> reported = streamPresence.lastReported(usernames);
        Map<String, LastSeen> seen = directory.lastSeen(usernames, now);
        Instant streamFresh = now.minus(checkInterval.multipliedBy(3));
        Instant activeSince = now.minus(window);
        Map<String, UserPresence> answer = new LinkedHashMap<>();
        for (String user : usernames) {
            Instant reportedAt = reported.map(r -> r.get(user)).orElse(null);
            boolean streaming = here.contains(user) || reportedAt != null && reportedAt.isAfter(streamFresh);
            LastSeen last = seen.get(user);
            boolean recentlyUsed = last != null && last.live() != null && last.live().isAfter(activeSince);
            Instant lastSeenAt = streaming ? now : latest(last == null ? null : last.any(), reportedAt);
            answer.put(user, new UserPresence(user, streaming || recentlyUsed, lastSeenAt, streaming, reported.isEmpty()));
        }
        return answer;
    }

    public UserPresence of(String username) {
        return of(List.of(username)).get(username);
    }

    /**
     * A stream opened here: reported at once, and those watching the user hear it now, not at the next pass;
     * on an executor, not the opening request's thread (a Redis write and, with watchers, a database read).
     */
    void opened(@Observes StreamOpened opened) {
        executor.execute(() -> {
            try {
                streamPresence.report(List.of(opened.username()), clock.instant());
                feed.recheck(Set.of(opened.username()));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not report a new stream", e);
            }
        });
    }

    /** Every check interval: report this node's streams, then tell watchers what changed. */
    private void tick() {
        try {
            streamPresence.report(streams.openUsers(), clock.instant());
            feed.recheck(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence pass failed; next one in " + checkInterval, e);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
