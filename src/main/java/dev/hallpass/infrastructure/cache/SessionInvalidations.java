package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionEndAnnounced;
import dev.hallpass.session.entity.EndReason;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Listens on the Redis channel where every node announces ended sessions and drops them from this
 * node's local cache. Only messages sealed with the nodes' shared key count. Whenever the subscription
 * (re)starts, the whole local cache is flushed and every recent end is read from the database again
 * ({@link EndReconciler}): whatever happened while the link was down is then known.
 */
@ApplicationScoped
public class SessionInvalidations {

    private static final Logger LOG = Logger.getLogger(SessionInvalidations.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    @Inject
    SessionCacheMetrics metrics;

    @Inject
    RedisConnection redis;

    @Inject
    LocalSessionCache local;

    @Inject
    RedisSessionCache shared;

    @Inject
    RecentlyEndedSessions endedSessions;

    @Inject
    EndReconciler reconciler;

    @Inject
    DataChangeRelay dataChanges;

    @Inject
    Event<SessionEndAnnounced> announced;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private volatile boolean connected;
    private volatile JedisPubSub subscription;
    private Thread listener;

    void start(@Observes @Priority(300) Startup startup) {
        redis.client().ifPresent(client -> {
            running = true;
            listener = threads.newThread(() -> listen(client));
            listener.setName("hallpass-session-invalidations");
            listener.setDaemon(true);
            listener.start();
        });
    }

    /** Whether ends announced by other nodes reach this node right now. */
    public boolean connected() {
        return connected;
    }

    private void listen(UnifiedJedis client) {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                Subscription current = new Subscription();
                subscription = current;
                client.subscribe(current, RedisSessionCache.CHANNEL, DataChangeRelay.CHANNEL);
            } catch (RuntimeException linkLost) {
                LOG.log(Level.FINE, "Session invalidation link lost; retrying", linkLost);
            }
            if (connected) {
                LOG.warning("Lost the Redis pub/sub link: local cache entries now live at most their TTL");
                connected = false;
                backoff = Duration.ofMillis(100);
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private final class Subscription extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (DataChangeRelay.CHANNEL.equals(channel)) {
                return; // the session channel's subscription does what a new link needs
            }
            local.invalidateAll();
            reconciler.fullPassSoon();
            connected = true;
            LOG.info("Listening for session ends on Redis channel " + channel);
        }

        @Override
        public void onMessage(String channel, String message) {
            if (DataChangeRelay.CHANNEL.equals(channel)) {
                dataChanges.onMessage(message);
                return;
            }
            // "ended <secret hash> <handle> <reason> <sent, epoch ms> <seal>"; anything unsealed is ignored
            Optional<String[]> opened = shared.openEndMessage(message);
            if (opened.isEmpty()) {
                LOG.fine("Ignored a message without a valid seal on the session channel");
                return;
            }
            String[] ended = opened.get();
            metrics.received(sentAgo(ended[3]));
            local.invalidate(ended[0]);
            endedSessions.add(ended[1]);
            announce(ended[1], ended[2]);
        }
    }

    private static Optional<Duration> sentAgo(String epochMillis) {
        try {
            return Optional.of(Duration.ofMillis(System.currentTimeMillis() - Long.parseLong(epochMillis)));
        } catch (NumberFormatException notAStamp) {
            return Optional.empty();
        }
    }

    private void announce(String handle, String reason) {
        try {
            announced.fire(new SessionEndAnnounced(handle, EndReason.valueOf(reason)));
        } catch (RuntimeException observerOrUnknownReason) {
            LOG.log(Level.WARNING, "Could not pass on the end of session " + handle, observerOrUnknownReason);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException alreadyGone) {
                LOG.log(Level.FINE, "Unsubscribe failed", alreadyGone);
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }
}
