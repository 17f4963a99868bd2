package dev.hallpass.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The production shape for a test: two Payara Micro nodes running the packaged WAR on one PostgreSQL
 * database and one Redis, all of the test's own, on loopback. Test settings (fast hashing, the known admin
 * password, limits and throttles off) unless the test overrides them; more nodes on demand.
 */
public final class TwoNodeCluster implements AutoCloseable {

    private final Path work;
    private final File war;
    private final Map<String, String> settings;
    public final PostgresDatabase database;
    public final RedisProcess redis;
    public final PayaraMicroProcess nodeA;
    public final PayaraMicroProcess nodeB;
    public final Http a;
    public final Http b;

    private TwoNodeCluster(Path work, File war, Map<String, String> settings, PostgresDatabase database, RedisProcess redis,
                           PayaraMicroProcess nodeA, PayaraMicroProcess nodeB) {
        this.work = work;
        this.war = war;
        this.settings = settings;
        this.database = database;
        this.redis = redis;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.a = new Http(nodeA.baseUri());
        this.b = new Http(nodeB.baseUri());
    }

    /** Starts both nodes at once (skipping the test class when no PostgreSQL answers). */
    public static TwoNodeCluster start(String name, Map<String, String> overrides) {
        return start(name, overrides, false);
    }

    /** The same, with each node's clock movable ({@link ServerClock}; move both nodes alike). */
    public static TwoNodeCluster startWithMovableClock(String name, Map<String, String> overrides) {
        return start(name, overrides, true);
    }

    private static TwoNodeCluster start(String name, Map<String, String> overrides, boolean movableClock) {
        PostgresDatabase.skipUnlessReachable("the PostgreSQL suite (" + name + ")");
        Path work = Deployments.freshDataDirectory(name);
        File war = movableClock ? Deployments.packagedWithMovableClock(work) : Deployments.packagedWar();
        PostgresDatabase database = PostgresDatabase.create(name.replace("-", ""));
        RedisProcess redis = RedisProcess.start(work.resolve("redis"));
        Map<String, String> settings = new HashMap<>(Deployments.testSettings());
        settings.put("hallpass.db.url", database.jdbcUrl());
        settings.put("hallpass.redis.url", redis.url());
        settings.putAll(overrides);
        CompletableFuture<PayaraMicroProcess> a = CompletableFuture.supplyAsync(() -> node(war, work, "a", settings));
        CompletableFuture<PayaraMicroProcess> b = CompletableFuture.supplyAsync(() -> node(war, work, "b", settings));
        try {
            return new TwoNodeCluster(work, war, settings, database, redis, a.join(), b.join());
        } catch (RuntimeException failed) {
            Cleanup.closeAll(a.getNow(null), b.getNow(null), redis, database);
            throw failed;
        }
    }

    /** One more node on the same database and Redis, with these settings laid over the cluster's; the caller closes it. */
    public PayaraMicroProcess another(String name, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putAll(overrides);
        return node(war, work, name, merged);
    }

    private static PayaraMicroProcess node(File war, Path work, String name, Map<String, String> settings) {
        return PayaraMicroProcess.start(war, PayaraMicroProcess.freePort(), work.resolve(name), settings);
    }

    @Override
    public void close() {
        Cleanup.closeAll(nodeA, nodeB, redis, database);
    }
}
