package dev.hallpass.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Cleanup;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.PostgresDatabase;
import dev.hallpass.testsupport.RedisProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's cluster recipe, run as an operator would: {@code scripts/cluster.sh start} builds the
 * uber-jar (scripts/uber-jar.sh) and starts three HTTPS nodes with the production command file on a
 * PostgreSQL database and a Redis of this test's own; {@code check} proves a session works on every
 * node and an administrator's kill on one is refused by all within a second; {@code stop} ends them.
 */
class ClusterRecipeIT {

    static PostgresDatabase database;
    static RedisProcess redis;
    static Path work;
    static Map<String, String> environment;

    @BeforeAll
    static void startCluster() throws Exception {
        PostgresDatabase.skipUnlessReachable("the PostgreSQL suite (ClusterRecipeIT)");
        work = Deployments.freshDataDirectory("cluster");
        database = PostgresDatabase.create("cluster");
        redis = RedisProcess.start(work.resolve("redis"));
        environment = new HashMap<>(Map.of(
                "CLUSTER_DIR", work.resolve("nodes").toString(),
                "PAYARA_JAR", PayaraMicroProcess.payaraMicroJar(),
                "HALLPASS_DB_URL", database.jdbcUrl(),
                "HALLPASS_REDIS_URL", redis.url(),
                "HTTP_PORTS", ports(),
                "HTTPS_PORTS", ports()));
        Result started = cluster("start", 420);
        assertEquals(0, started.exit(), started.output());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (environment != null) {
                cluster("stop", 60);
            }
        } finally {
            Cleanup.closeAll(redis, database);
        }
    }

    private static String ports() {
        return String.join(" ", IntStream.range(0, 3).mapToObj(i -> Integer.toString(PayaraMicroProcess.freePort())).toList());
    }

    record Result(int exit, String output) {
    }

    private static Result cluster(String command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "cluster-" + command, ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/cluster.sh", command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/cluster.sh " + command + " took over " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("scripts/cluster.sh " + command + ":\n" + output);
        return new Result(process.exitValue(), output);
    }

    @Test
    void aSessionWorksOnEveryNodeAndAKillOnOneIsHonouredByAll() throws Exception {
        Result check = cluster("check", 120);

        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("ready: all 3 nodes"), check.output());
        assertTrue(check.output().contains("30 requests round-robin over all nodes, all 200"), check.output());
        assertTrue(check.output().contains("refused by every node"), check.output());
        assertTrue(check.output().contains("CLUSTER OK"), check.output());
    }

    @Test
    void theNodesRunTheProductionSettingsWithoutASecretInTheirLogs() throws Exception {
        Path nodes = work.resolve("nodes");
        String secrets = Files.readString(nodes.resolve("secrets.env"));
        List<String> values = secrets.lines().map(line -> line.substring(line.indexOf('=') + 1).replace("'", ""))
                .filter(value -> value.length() >= 16).toList();
        assertFalse(values.isEmpty());
        try (Stream<Path> logs = Files.list(nodes).filter(file -> file.getFileName().toString().endsWith(".log"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                assertTrue(text.contains("Payara Micro URLs"), log + " is a started node's log");
                for (String secret : values) {
                    assertFalse(text.contains(secret), log + " contains a secret from secrets.env");
                }
            }
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(nodes.resolve("secrets.env"))));
    }
}
