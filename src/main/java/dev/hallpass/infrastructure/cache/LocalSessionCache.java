package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The in-process layer, keyed by secret hash. Entries live at most {@code hallpass.cache.local-ttl}
 * (default 5 s): pub/sub invalidates them at once, and the TTL bounds how long a missed message can
 * keep an ended session usable on this node. A TTL of zero turns the layer off.
 */
@ApplicationScoped
public class LocalSessionCache {

    @Inject
    @ConfigProperty(name = "hallpass.cache.local-ttl", defaultValue = "PT5S")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "hallpass.cache.local-max-entries", defaultValue = "100000")
    long maxEntries;

    private Cache<String, CachedSession> cache;

    @PostConstruct
    void build() {
        if (ttl.isNegative()) {
            throw new IllegalStateException("hallpass.cache.local-ttl must not be negative");
        }
        cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(ttl.isZero() ? 0 : maxEntries).build();
    }

    public boolean enabled() {
        return !ttl.isZero();
    }

    Optional<CachedSession> get(String secretHash) {
        return Optional.ofNullable(cache.getIfPresent(secretHash));
    }

    void put(CachedSession cached) {
        if (enabled()) {
            cache.put(cached.session().secretHash(), cached);
        }
    }

    public void invalidate(String secretHash) {
        cache.invalidate(secretHash);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }
}
