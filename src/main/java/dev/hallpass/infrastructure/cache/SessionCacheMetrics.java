package dev.hallpass.infrastructure.cache;

import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * This node's session-cache numbers: per layer how many session lookups it answered (hit) or passed
 * on (miss), how many "last seen" writes reached the database and how many touch throttling and
 * batching saved, and the pub/sub traffic that keeps the nodes' caches coherent. Registered at start,
 * so every series is scraped from zero.
 */
@ApplicationScoped
public class SessionCacheMetrics {

    public enum Layer { LOCAL, REDIS, DATABASE }

    /** Why a session check did not write to the database. */
    public enum Saving { THROTTLE, BATCH }

    @Inject
    @ApplicationMetrics
    MetricRegistry registry;

    private final Map<Layer, Counter> hits = new EnumMap<>(Layer.class);
    private final Map<Layer, Counter> misses = new EnumMap<>(Layer.class);
    private final Map<Saving, Counter> saved = new EnumMap<>(Saving.class);
    private Counter touchWrites;
    private Counter published;
    private Counter received;
    private Histogram lag;

    /** Created at start (not at first use), so that every series is there from the first scrape. */
    void atStart(@Observes Startup startup) {
        // the observer call itself instantiated the bean and ran register()
    }

    @PostConstruct
    void register() {
        Metadata requests = Metadata.builder().withName("hallpass.session.cache.requests")
                .withDescription("Session lookups each layer answered (hit) or passed on (miss); a database miss is an unknown secret").build();
        for (Layer layer : Layer.values()) {
            hits.put(layer, registry.counter(requests, new Tag("layer", label(layer)), new Tag("result", "hit")));
            misses.put(layer, registry.counter(requests, new Tag("layer", label(layer)), new Tag("result", "miss")));
        }
        touchWrites = registry.counter(Metadata.builder().withName("hallpass.session.touch.writes")
                .withDescription("\"Last seen\" updates written to the database").build());
        Metadata savedWrites = Metadata.builder().withName("hallpass.session.touch.writes.saved")
                .withDescription("Session checks that wrote nothing: the touch was not due yet (throttle) or joined a pending one (batch)").build();
        for (Saving saving : Saving.values()) {
            saved.put(saving, registry.counter(savedWrites, new Tag("by", label(saving))));
        }
        Metadata messages = Metadata.builder().withName("hallpass.pubsub.messages")
                .withDescription("Session-end messages on the Redis channel, published by or received on this node").build();
        published = registry.counter(messages, new Tag("direction", "published"));
        received = registry.counter(messages, new Tag("direction", "received"));
        lag = registry.histogram(Metadata.builder().withName("hallpass.pubsub.lag")
                .withDescription("From publishing a session end to its arrival on this node (wall clocks of both nodes)")
                .withUnit(MetricUnits.MILLISECONDS).build());
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public void hit(Layer layer) {
        hits.get(layer).inc();
    }

    public void miss(Layer layer) {
        misses.get(layer).inc();
    }

    public void touchesWritten(int rows) {
        touchWrites.inc(rows);
    }

    public void touchSaved(Saving saving) {
        saved.get(saving).inc();
    }

    public void published() {
        published.inc();
    }

    /** A message arrived; {@code lag} is empty when the sender did not stamp it (older nodes). */
    public void received(Optional<Duration> lag) {
        received.inc();
        lag.ifPresent(value -> this.lag.update(Math.max(0, value.toMillis())));
    }
}
