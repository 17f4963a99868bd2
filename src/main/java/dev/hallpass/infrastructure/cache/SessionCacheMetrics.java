package dev.hallpass.infrastructure.cache;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Where session checks were answered, and how many "last seen" writes reached the database. Every
 * session check is one lookup; a naive store would write on each, so the writes saved by touch
 * throttling and batching are {@code lookups - touch writes}.
 */
@ApplicationScoped
public class SessionCacheMetrics {

    public enum Layer { LOCAL, REDIS, DATABASE }

    @Inject
    MetricRegistry registry;

    private Counter localHits;
    private Counter redisHits;
    private Counter databaseReads;
    private Counter touchWrites;

    @PostConstruct
    void register() {
        localHits = lookup("local");
        redisHits = lookup("redis");
        databaseReads = lookup("database");
        touchWrites = registry.counter("hallpass.session.touch.writes");
        registry.gauge("hallpass.session.touch.writes.saved", this, SessionCacheMetrics::writesSaved);
    }

    private Counter lookup(String layer) {
        return registry.counter("hallpass.session.lookups", new Tag("layer", layer));
    }

    public void answeredBy(Layer layer) {
        switch (layer) {
            case LOCAL -> localHits.inc();
            case REDIS -> redisHits.inc();
            case DATABASE -> databaseReads.inc();
        }
    }

    public void touchesWritten(int rows) {
        touchWrites.inc(rows);
    }

    long writesSaved() {
        return localHits.getCount() + redisHits.getCount() + databaseReads.getCount() - touchWrites.getCount();
    }
}
