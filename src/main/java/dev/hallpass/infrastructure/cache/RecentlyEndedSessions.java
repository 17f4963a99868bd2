package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.token.control.RevokedSessions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Handles of sessions that ended lately: an access token of such a session is refused, and a cached
 * entry of it (local or Redis) is not believed. Kept in memory so a check costs no round trip; fed by
 * this node's own ends at once, by every other node's through pub/sub, and by the {@link EndReconciler}
 * from the database every second, so a lost message or a restart forgets nothing. An entry is kept as long
 * as an access token or a cache entry of the session can live.
 */
@ApplicationScoped
public class RecentlyEndedSessions implements RevokedSessions {

    private static final Duration MARGIN = Duration.ofMinutes(2);

    @Inject
    @ConfigProperty(name = "hallpass.token.access-ttl", defaultValue = "PT15M")
    Duration accessTtl;

    @Inject
    RedisSessionCache shared;

    private Cache<String, Boolean> ended;

    @PostConstruct
    void build() {
        ended = Caffeine.newBuilder().expireAfterWrite(window()).maximumSize(2_000_000).build();
    }

    /** How far back an end still matters: the longer of an access token's and a Redis entry's life, and a margin. */
    Duration window() {
        return (accessTtl.compareTo(shared.maxTtl()) > 0 ? accessTtl : shared.maxTtl()).plus(MARGIN);
    }

    /** Records the end; true if this node did not know of it yet. */
    public boolean add(String handle) {
        return ended.asMap().putIfAbsent(handle, Boolean.TRUE) == null;
    }

    @Override
    public boolean contains(String handle) {
        return ended.getIfPresent(handle) != null;
    }
}
