package dev.hallpass.infrastructure.cache;

import dev.hallpass.infrastructure.persistence.Database;
import dev.hallpass.infrastructure.persistence.JpaSessionStore.Touch;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Last seen" writes, collected and written in one transaction every flush interval instead of on
 * the request path. Safe because a touch only moves an idle expiry forward and the write is
 * conditional on the session still being active; a touch lost in a crash ends a session at most one
 * touch interval early. A second touch of the same session before a flush replaces the first. A touch
 * that finds its session ended treats it as ended everywhere (tombstone, message, local drop).
 */
@ApplicationScoped
public class TouchBuffer {

    private static final Logger LOG = Logger.getLogger(TouchBuffer.class.getName());

    @Inject
    @Database
    JpaSessionStore database;

    @Inject
    SessionCacheMetrics metrics;

    @Inject
    EndReconciler reconciler;

    @Inject
    @ConfigProperty(name = "hallpass.session.touch-flush-interval", defaultValue = "PT1S")
    Duration flushInterval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Touch> pending = new ConcurrentHashMap<>();
    /** Touches taken for the batch being written: still laid over the database's rows until it commits. */
    private final Map<String, Touch> inFlight = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void start(@Observes Startup startup) {
        if (!flushInterval.isZero()) {
            long millis = flushInterval.toMillis();
            flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    public void add(Touch touch) {
        if (flushInterval.isZero()) {
            write(List.of(touch));
            return;
        }
        if (pending.put(touch.handle(), touch) != null) {
            metrics.touchSaved(SessionCacheMetrics.Saving.BATCH);
        }
    }

    /**
     * The touch of this session not yet committed, if any: waiting for the next flush, or in the batch being
     * written. (A reader between taking a batch and its commit would otherwise see neither the touch nor its
     * row, and end a session its touch had just kept alive.)
     */
    public Optional<Touch> pending(String handle) {
        Touch waiting = pending.get(handle);
        return Optional.ofNullable(waiting != null ? waiting : inFlight.get(handle));
    }

    /** Writes every pending touch now. */
    public void flush() {
        List<Touch> batch = new ArrayList<>();
        for (String handle : List.copyOf(pending.keySet())) {
            Touch touch = pending.get(handle);
            if (touch != null) {
                inFlight.put(handle, touch); // first in flight, then out of pending: never in neither
                pending.remove(handle, touch);
                batch.add(touch);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
        } finally {
            batch.forEach(touch -> inFlight.remove(touch.handle(), touch));
        }
    }

    /**
     * A touch that took no write found its session ended (or touched later by another node): an ended one was
     * used through a cache entry that missed its end, so it is announced again now.
     */
    private void write(List<Touch> batch) {
        List<String> notWritten = database.touchAll(batch);
        metrics.touchesWritten(batch.size() - notWritten.size());
        if (!notWritten.isEmpty()) {
            reconciler.announce(database.findEndedAmong(notWritten));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write session touches; they are dropped (sessions may end a little early)", e);
        }
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flushQuietly();
    }
}
