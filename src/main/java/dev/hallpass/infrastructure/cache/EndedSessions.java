package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.infrastructure.persistence.Database;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Handles of sessions that ended within the last access-token lifetime: an access token of such a
 * session is refused. Kept in memory so a bearer check costs no round trip; fed by this node's own
 * ends and every other node's through pub/sub, and reloaded from the database at start and whenever
 * the pub/sub link comes back, so neither a restart nor an outage forgets an end.
 */
@ApplicationScoped
public class EndedSessions {

    private static final Duration MARGIN = Duration.ofMinutes(2);

    @Inject
    @Database
    JpaSessionStore database;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.token.access-ttl", defaultValue = "PT15M")
    Duration accessTtl;

    private Cache<String, Boolean> ended;

    @PostConstruct
    void build() {
        ended = Caffeine.newBuilder().expireAfterWrite(accessTtl.plus(MARGIN)).maximumSize(2_000_000).build();
    }

    void load(@Observes @Priority(260) Startup startup) {
        reloadFromDatabase();
    }

    public void reloadFromDatabase() {
        database.findHandlesEndedSince(clock.instant().minus(accessTtl).minus(MARGIN)).forEach(this::add);
    }

    public void add(String handle) {
        ended.put(handle, Boolean.TRUE);
    }

    public boolean contains(String handle) {
        return ended.getIfPresent(handle) != null;
    }
}
