package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.data.control.DataChangeAnnounced;
import dev.hallpass.data.control.DataChanged;
import dev.hallpass.data.control.DataKey;
import dev.hallpass.data.control.DataScope;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries document changes between nodes. A change this node made is published on the Redis channel
 * {@code hallpass:data} (sealed, with this node's id); every other node drops its cached copy and announces
 * it to its event streams ({@link DataChangeAnnounced}). A message lost on the way (Redis paused, the link
 * down, no Redis at all) is made up by the database: every {@code hallpass.cache.reconcile-interval} each node
 * reads the changes committed since its last pass and announces those it has not heard of. Each change
 * ({@code key@version}) is announced once per node, whichever way reaches it first.
 */
@ApplicationScoped
@ManagedScheduledExecutorDefinition(name = DataChangeRelay.EXECUTOR, maxAsync = 1)
public class DataChangeRelay {

    /**
     * The catch-up's own thread: Payara Micro's default scheduled executor runs every periodic task of the
     * application on one thread, and a pass stuck behind another task's Redis timeouts is a change not delivered.
     */
    static final String EXECUTOR = "java:app/concurrent/hallpass-data";

    static final String CHANNEL = "hallpass:data";
    private static final String PREFIX = "data ";
    private static final Logger LOG = Logger.getLogger(DataChangeRelay.class.getName());

    @Inject
    LayeredDataStore store;

    @Inject
    RedisSessionCache redis;

    @Inject
    CacheSeal seal;

    @Inject
    SessionCacheMetrics metrics;

    @Inject
    Event<DataChangeAnnounced> announced;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.cache.reconcile-interval", defaultValue = "PT1S")
    Duration interval;

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService scheduler;

    private final String node = UUID.randomUUID().toString();
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(2)).maximumSize(1_000_000).build();
    private Instant lastPass;
    private ScheduledFuture<?> passes;

    void start(@Observes Startup startup) {
        lastPass = clock.instant();
        if (!interval.isZero()) {
            long millis = interval.toMillis();
            passes = scheduler.scheduleWithFixedDelay(this::passQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** A change this node committed: known here, and published for the others. */
    void changed(@Observes DataChanged change) {
        seen.put(id(change), Boolean.TRUE);
        if (!redis.configured()) {
            return;
        }
        DataKey key = change.key();
        String fields = String.join(" ", key.scope().name(), key.owner(), key.name(), change.username(), Long.toString(change.version()),
                change.updatedBy() == null ? "-" : change.updatedBy(), change.deleted() ? "1" : "0", node,
                Long.toString(System.currentTimeMillis()));
        String message = PREFIX + fields + " " + seal.of(fields);
        if (redis.call(client -> client.publish(CHANNEL, message), null) != null) {
            metrics.published();
        }
    }

    /** A message on {@link #CHANNEL}; anything unsealed, malformed or of this node's own is ignored. */
    void onMessage(String message) {
        opened(message).ifPresent(fields -> {
            if (node.equals(fields[7])) {
                return;
            }
            try {
                DataChanged change = new DataChanged(new DataKey(DataScope.valueOf(fields[0]), fields[1], fields[2]), fields[3],
                        Long.parseLong(fields[4]), "-".equals(fields[5]) ? null : fields[5], "1".equals(fields[6]));
                metrics.received(Optional.of(Duration.ofMillis(System.currentTimeMillis() - Long.parseLong(fields[8]))));
                heard(change);
            } catch (IllegalArgumentException malformed) {
                LOG.fine("Ignored a malformed message on the data channel");
            }
        });
    }

    private Optional<String[]> opened(String message) {
        if (!message.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String body = message.substring(PREFIX.length());
        int lastSpace = body.lastIndexOf(' ');
        if (lastSpace < 0 || !seal.matches(body.substring(0, lastSpace), body.substring(lastSpace + 1))) {
            return Optional.empty();
        }
        String[] fields = body.substring(0, lastSpace).split(" ");
        return fields.length == 9 ? Optional.of(fields) : Optional.empty();
    }

    /** The catch-up: changes committed since the last pass (give or take {@link EndReconciler#LOOKBACK}) not yet heard of. */
    synchronized void pass() {
        Instant now = clock.instant();
        List<DataChanged> changes = store.changedSince(lastPass.minus(EndReconciler.LOOKBACK));
        lastPass = now;
        changes.forEach(this::heard);
    }

    private void heard(DataChanged change) {
        if (seen.asMap().putIfAbsent(id(change), Boolean.TRUE) != null) {
            return;
        }
        store.forget(change.key(), change.version());
        try {
            announced.fire(new DataChangeAnnounced(change));
        } catch (RuntimeException observer) {
            LOG.log(Level.WARNING, "Could not pass on a change of " + change.key().name(), observer);
        }
    }

    private static String id(DataChanged change) {
        return change.key().id() + "@" + change.version();
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the changed documents from the database; trying again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (passes != null) {
            passes.cancel(false);
        }
    }
}
