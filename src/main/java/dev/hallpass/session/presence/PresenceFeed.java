package dev.hallpass.session.presence;

import dev.hallpass.problem.Busy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code presence-changed} events: each watcher (an application or an administrator with an open
 * {@code GET /api/presence/events?user=…}) gets one {@code presence} event per user at once, then
 * {@code presence-changed} whenever a user's {@code online} flips: at the next presence pass (every
 * {@code hallpass.presence.check-interval}), or at once when a stream of theirs opens on this node.
 */
@ApplicationScoped
public class PresenceFeed {

    private static final Logger LOG = Logger.getLogger(PresenceFeed.class.getName());
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    /** One watcher's stream and what it was last told of each user. */
    private static final class Watcher {
        final Set<String> users;
        final SseEventSink sink;
        final Sse sse;
        final Map<String, Boolean> told = new ConcurrentHashMap<>();
        volatile Instant lastWrite;

        Watcher(Set<String> users, SseEventSink sink, Sse sse, Instant now) {
            this.users = users;
            this.sink = sink;
            this.sse = sse;
            this.lastWrite = now;
        }
    }

    @Inject
    Presence presence;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.presence.max-watchers", defaultValue = "1000")
    int maxWatchers;

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

    /** Opens a watch of these users (canonical, at most {@link Presence#MAX_USERS}); 503 past {@code max-watchers}. */
    public void watch(Set<String> users, SseEventSink sink, Sse sse) {
        if (watchers.size() >= maxWatchers) {
            throw new Busy("busy.presence-watchers", 5L);
        }
        Watcher watcher = new Watcher(Set.copyOf(users), sink, sse, clock.instant());
        watchers.add(watcher);
        presence.of(watcher.users).values().forEach(user -> tell(watcher, "presence", user));
    }

    /** Tells every watcher of these users ({@code null}: of anyone) what changed since it was last told. */
    synchronized void recheck(Set<String> only) {
        watchers.removeIf(watcher -> watcher.sink.isClosed());
        if (watchers.isEmpty()) {
            return;
        }
        Set<String> users = new HashSet<>();
        watchers.forEach(watcher -> watcher.users.stream().filter(user -> only == null || only.contains(user)).forEach(users::add));
        Map<String, UserPresence> now = users.isEmpty() ? Map.of() : presence.of(List.copyOf(users));
        Instant at = clock.instant();
        for (Watcher watcher : watchers) {
            boolean wrote = false;
            for (String user : watcher.users) {
                UserPresence current = now.get(user);
                if (current != null && !Boolean.valueOf(current.online()).equals(watcher.told.get(user))) {
                    tell(watcher, "presence-changed", current);
                    wrote = true;
                }
            }
            if (!wrote && only == null && Duration.between(watcher.lastWrite, at).compareTo(HEARTBEAT) >= 0) {
                watcher.lastWrite = at;
                watcher.sink.send(watcher.sse.newEventBuilder().comment("heartbeat").build())
                        .whenComplete((done, failure) -> closeIfFailed(watcher, failure));
            }
        }
    }

    private void tell(Watcher watcher, String event, UserPresence user) {
        watcher.told.put(user.username(), user.online());
        watcher.lastWrite = clock.instant();
        watcher.sink.send(watcher.sse.newEventBuilder().name(event).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(json(user).toString()).build()).whenComplete((done, failure) -> closeIfFailed(watcher, failure));
    }

    private void closeIfFailed(Watcher watcher, Throwable failure) {
        if (failure != null && watchers.remove(watcher)) {
            try {
                watcher.sink.close();
            } catch (RuntimeException alreadyGone) {
                LOG.log(Level.FINE, "Presence stream already closed", alreadyGone);
            }
        }
    }

    /** {@code {"user", "online", "lastSeenAt"?, "streaming", "degraded"}}: the same shape as {@code GET /api/presence}. */
    public static JsonObject json(UserPresence user) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("user", user.username()).add("online", user.online());
        if (user.lastSeenAt() != null) {
            json.add("lastSeenAt", user.lastSeenAt().toString());
        }
        return json.add("streaming", user.streaming()).add("degraded", user.degraded()).build();
    }
}
