package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.data.control.DataChanged;
import dev.hallpass.data.control.DataDocument;
import dev.hallpass.data.control.DataKey;
import dev.hallpass.data.control.DataScope;
import dev.hallpass.data.control.DataStore;
import dev.hallpass.infrastructure.persistence.Database;
import dev.hallpass.infrastructure.persistence.JpaDataStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Shared data through the same layers as sessions: this node's Caffeine cache (entries live at most
 * {@code hallpass.cache.local-ttl}), then Redis (sealed entries, at most {@code hallpass.data.redis-ttl}),
 * then the database, which alone decides. Writes go to the database with their version check; only then is
 * the new version put in both caches, never replacing a newer one (a reader that fetched the old version
 * meanwhile cannot put it back), and announced to the other nodes ({@link DataChangeRelay}), which drop
 * what they held. Writes never trust a cache: their version check reads the database.
 */
@ApplicationScoped
public class LayeredDataStore implements DataStore {

    private static final String KEY_PREFIX = "hallpass:data:";
    /** Sets the entry unless Redis holds a newer version (KEYS[1]; ARGV: value, version, ttl ms). */
    private static final String SET_IF_NEWER = "local v = redis.call('GET', KEYS[1]) "
            + "if v then local held = tonumber(string.match(v, '^(%d+) ')) "
            + "if held and held >= tonumber(ARGV[2]) then return 0 end end "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 1";

    /** Deletes the entry if it holds a version older than ARGV[1]. */
    private static final String DELETE_IF_OLDER = "local v = redis.call('GET', KEYS[1]) "
            + "if v then local held = tonumber(string.match(v, '^(%d+) ')) "
            + "if (not held) or held < tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) return 1 end end return 0";

    @Inject
    @Database
    JpaDataStore database;

    @Inject
    RedisSessionCache redis;

    @Inject
    CacheSeal seal;

    @Inject
    @ConfigProperty(name = "hallpass.cache.local-ttl", defaultValue = "PT5S")
    Duration localTtl;

    @Inject
    @ConfigProperty(name = "hallpass.data.redis-ttl", defaultValue = "PT1M")
    Duration redisTtl;

    @Inject
    @ConfigProperty(name = "hallpass.cache.local-max-entries", defaultValue = "100000")
    long maxEntries;

    private Cache<String, DataDocument> local;

    @PostConstruct
    void build() {
        local = Caffeine.newBuilder().expireAfterWrite(localTtl).maximumSize(localTtl.isZero() ? 0 : maxEntries).build();
    }

    @Override
    public Optional<DataDocument> find(DataKey key) {
        DataDocument cached = local.getIfPresent(key.id());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DataDocument> shared = fromRedis(key);
        if (shared.isPresent()) {
            keepLocally(shared.get());
            return shared;
        }
        Optional<DataDocument> stored = database.findLatest(key);
        stored.ifPresent(this::cache);
        return stored;
    }

    @Override
    public Optional<DataDocument> findLatest(DataKey key) {
        return database.findLatest(key);
    }

    @Override
    public List<DataDocument> list(DataScope scope, String owner) {
        return database.list(scope, owner);
    }

    @Override
    public Written write(DataDocument next, long expectedVersion, int maxDocuments) {
        Written written = database.write(next, expectedVersion, maxDocuments);
        if (written == Written.WRITTEN) {
            cache(next);
        }
        return written;
    }

    @Override
    public List<DataChanged> changedSince(Instant since) {
        return database.changedSince(since);
    }

    @Override
    public List<DataChanged> eraseUser(String username, Instant at) {
        return database.eraseUser(username, at); // announced once committed (DataChanged), like any write
    }

    /**
     * Drops what this node and Redis hold of a document older than a change another node made (its next read
     * goes to the database): the writer put the new version in Redis, unless Redis was away or it was an erasure.
     */
    void forget(DataKey key, long changedVersion) {
        local.asMap().computeIfPresent(key.id(), (id, held) -> held.version() >= changedVersion ? held : null);
        redis.call(client -> client.eval(DELETE_IF_OLDER, List.of(KEY_PREFIX + key.id()), List.of(Long.toString(changedVersion))), null);
    }

    /**
     * Redis restarted or failed over: what it holds of documents may be an old snapshot's, older than the
     * database. Its document entries are dropped (in batches of a thousand); the next reads fill it again.
     */
    void forgetShared() {
        redis.call(client -> {
            ScanParams match = new ScanParams().match(KEY_PREFIX + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> batch = client.scan(cursor, match);
                if (!batch.getResult().isEmpty()) {
                    client.del(batch.getResult().toArray(String[]::new));
                }
                cursor = batch.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return null;
        }, null);
    }

    private void cache(DataDocument document) {
        keepLocally(document);
        String value = encode(document);
        redis.call(client -> client.eval(SET_IF_NEWER, List.of(KEY_PREFIX + document.key().id()),
                List.of(value, Long.toString(document.version()), Long.toString(redisTtl.toMillis()))), null);
    }

    /** Never replaces a newer version: a reader that fetched the old one while a write committed cannot put it back. */
    private void keepLocally(DataDocument document) {
        if (!localTtl.isZero()) {
            local.asMap().merge(document.key().id(), document, (held, offered) -> offered.version() > held.version() ? offered : held);
        }
    }

    private Optional<DataDocument> fromRedis(DataKey key) {
        String value = redis.call(client -> client.get(KEY_PREFIX + key.id()), null);
        return value == null ? Optional.empty() : decode(key, value);
    }

    /**
     * {@code <version> <updated at, epoch µs> <updated by or -> <deleted 0|1> <username> <seal>\n<json>}: the seal
     * covers the key, the fields and the content, so an entry cannot be moved to another key or altered.
     */
    private String encode(DataDocument document) {
        String fields = document.version() + " " + micros(document.updatedAt()) + " "
                + (document.updatedBy() == null ? "-" : document.updatedBy()) + " " + (document.deleted() ? 1 : 0) + " " + document.username();
        String json = document.json() == null ? "" : document.json();
        return fields + " " + seal.of(document.key().id() + "\n" + fields + "\n" + json) + "\n" + json;
    }

    private Optional<DataDocument> decode(DataKey key, String value) {
        int newline = value.indexOf('\n');
        if (newline < 0) {
            return Optional.empty();
        }
        String[] head = value.substring(0, newline).split(" ");
        if (head.length != 6) {
            return Optional.empty();
        }
        String fields = String.join(" ", head[0], head[1], head[2], head[3], head[4]);
        String json = value.substring(newline + 1);
        if (!seal.matches(key.id() + "\n" + fields + "\n" + json, head[5])) {
            return Optional.empty();
        }
        try {
            boolean deleted = "1".equals(head[3]);
            long micros = Long.parseLong(head[1]);
            return Optional.of(new DataDocument(key, head[4], deleted ? null : json, Long.parseLong(head[0]),
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                    "-".equals(head[2]) ? null : head[2], deleted));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
    }
}
