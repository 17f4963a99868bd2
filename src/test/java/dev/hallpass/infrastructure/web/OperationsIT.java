package dev.hallpass.infrastructure.web;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.client.RequestId;
import dev.hallpass.problem.Problem;
import dev.hallpass.testsupport.Cleanup;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Metrics;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.PostgresDatabase;
import dev.hallpass.testsupport.RedisProcess;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.WebhookReceiver;
import dev.hallpass.alerting.control.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees, on the packaged WAR with PostgreSQL and Redis: the metrics count what
 * happened (and the dashboard shows the same numbers), health tells a Redis outage (degraded, still
 * ready) from a database outage (not ready, still live), every request has an id that reaches the
 * security log, and /openapi describes every resource with its problem+json errors.
 */
class OperationsIT {

    static final int ACCOUNT_ATTEMPTS = 3;
    static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static PostgresDatabase database;
    static RedisProcess redis;
    static PayaraMicroProcess node;
    static Http http;
    static WebhookReceiver webhook;
    static final String WEBHOOK_SECRET = "webhook-secret-for-the-tests";

    @BeforeAll
    static void start() {
        PostgresDatabase.skipUnlessReachable("the PostgreSQL suite (OperationsIT)");
        java.nio.file.Path work = Deployments.freshDataDirectory("operations");
        database = PostgresDatabase.create("operations");
        redis = RedisProcess.start(work.resolve("redis"));
        webhook = WebhookReceiver.start();
        Map<String, String> settings = new HashMap<>(Deployments.testSettings());
        settings.putAll(Map.of(
                "hallpass.db.url", database.jdbcUrl(),
                "hallpass.redis.url", redis.url(),
                "hallpass.metrics.live-sessions-max-age", "PT0S",
                "hallpass.session.max-per-user", "5",
                "hallpass.login.throttle.account.attempts", Integer.toString(ACCOUNT_ATTEMPTS)));
        settings.putAll(Map.of(
                "hallpass.alerts.webhook-url", webhook.url(),
                "hallpass.alerts.webhook-secret", WEBHOOK_SECRET,
                "hallpass.alerts.webhook-timeout", "PT60S", // longer than the receiver ever holds: a blocked request would show
                "hallpass.alerts.redis-down-after", "PT2S",
                "hallpass.alerts.database-down-after", "PT2S",
                "hallpass.alerts.check-interval", "PT0.5S",
                "hallpass.token.refresh-grace", "PT0S")); // a spent refresh token used again is theft at once
        node = PayaraMicroProcess.start(Deployments.packagedWar(), PayaraMicroProcess.freePort(), work.resolve("node"), settings);
        http = new Http(node.baseUri());
    }

    @AfterAll
    static void stop() {
        Cleanup.closeAll(node, redis, database, webhook);
    }

    private static String newUser(String prefix) {
        return Logins.newUser(http, Logins.adminSecret(http), prefix, PASSWORD);
    }

    private static double metric(String series, String... labels) {
        return Metrics.of(http, series, labels);
    }

    private static long liveSessionsInTheDatabase() {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from hp_session where status = 'ACTIVE' "
                     + "and idle_expires_at > now() and absolute_expires_at > now()")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theMetricsCountLoginsSessionsRefreshesCacheLayersAndPubSub() {
        String user = newUser("metrics");
        String created = "hallpass_sessions_created_total";
        String logins = "hallpass_logins_total";
        double createdBefore = metric(created);
        double succeededBefore = metric(logins, "result=\"succeeded\"");
        double failedBefore = metric(logins, "result=\"failed\"");
        double localHitsBefore = metric("hallpass_session_cache_requests_total", "layer=\"local\"", "result=\"hit\"");
        double logoutsBefore = metric("hallpass_sessions_ended_total", "reason=\"logout\"");
        double durationsBefore = metric("hallpass_session_duration_seconds_count");
        double publishedBefore = metric("hallpass_pubsub_messages_total", "direction=\"published\"");
        double receivedBefore = metric("hallpass_pubsub_messages_total", "direction=\"received\"");

        assertEquals(401, Logins.login(http, user, "not the password").status());
        Reply login = http.postJson("api/auth/login", Json.createObjectBuilder().add("username", user)
                .add("password", PASSWORD).add("tokens", true).build().toString());
        assertEquals(200, login.status(), login::toString);
        String secret = login.setCookie(Logins.COOKIE).orElseThrow().value();
        String refreshToken = login.json().getJsonObject("tokens").getString("refresh_token");
        assertEquals(200, http.get("api/auth/me", cookie(secret)).status());

        assertEquals(createdBefore + 1, metric(created));
        assertEquals(succeededBefore + 1, metric(logins, "result=\"succeeded\""));
        assertEquals(failedBefore + 1, metric(logins, "result=\"failed\""));
        assertEquals(localHitsBefore + 1, metric("hallpass_session_cache_requests_total", "layer=\"local\"", "result=\"hit\""),
                "the session made at login is in the node's own cache");
        assertEquals(liveSessionsInTheDatabase(), (long) metric("hallpass_sessions_active"),
                "the gauge is the database's count of live sessions");

        double refreshesBefore = metric("hallpass_token_refreshes_total");
        double unknownBefore = metric("hallpass_token_refresh_failures_total", "reason=\"unknown\"");
        double malformedBefore = metric("hallpass_token_refresh_failures_total", "reason=\"malformed\"");
        assertEquals(200, refresh(refreshToken).status());
        assertEquals(400, refresh("hpr_" + "A".repeat(43)).status());
        assertEquals(400, refresh("not-a-token").status());
        assertEquals(refreshesBefore + 1, metric("hallpass_token_refreshes_total"));
        assertEquals(unknownBefore + 1, metric("hallpass_token_refresh_failures_total", "reason=\"unknown\""));
        assertEquals(malformedBefore + 1, metric("hallpass_token_refresh_failures_total", "reason=\"malformed\""));

        assertEquals(204, http.send("POST", "api/auth/logout", null, null, cookie(secret)).status());
        assertEquals(logoutsBefore + 1, metric("hallpass_sessions_ended_total", "reason=\"logout\""));
        assertEquals(durationsBefore + 1, metric("hallpass_session_duration_seconds_count"));
        assertEquals(publishedBefore + 1, metric("hallpass_pubsub_messages_total", "direction=\"published\""));
        // the node hears its own announcement on the channel, like every other node
        await(() -> metric("hallpass_pubsub_messages_total", "direction=\"received\"") == receivedBefore + 1,
                Duration.ofSeconds(5), "the session end arriving through Redis");
        assertTrue(metric("hallpass_pubsub_lag_seconds_count") >= 1);
    }

    private static Reply refresh(String token) {
        return http.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", token).build().toString());
    }

    @Test
    void throttledLoginsAreCountedApartFromFailures() {
        String user = newUser("throttled");
        double throttledBefore = metric("hallpass_logins_total", "result=\"throttled\"");
        for (int attempt = 0; attempt < ACCOUNT_ATTEMPTS; attempt++) {
            assertEquals(401, Logins.login(http, user, "wrong " + attempt).status());
        }

        assertEquals(429, Logins.login(http, user, PASSWORD).status());

        assertEquals(throttledBefore + 1, metric("hallpass_logins_total", "result=\"throttled\""));
    }

    @Test
    void theDashboardShowsTheNumbersOfMetrics() {
        String admin = Logins.adminSecret(http);
        Logins.secretOf(http, newUser("dashboard"), PASSWORD);

        Reply page = http.get("admin/", "Cookie", Logins.COOKIE + "=" + admin, "Accept", "text/html");
        assertEquals(200, page.status(), page::toString);
        String created = Metrics.scrape(http);

        Matcher live = Pattern.compile("id=\"dashboard:live\"[^>]*>(\\d+)<").matcher(page.body());
        assertTrue(live.find(), "the live-session card");
        assertEquals(liveSessionsInTheDatabase(), Long.parseLong(live.group(1)));
        assertEquals(Long.parseLong(live.group(1)), Metrics.value(created, "hallpass_sessions_active").orElseThrow().longValue(),
                "the card and the gauge are one number");
        Matcher row = Pattern.compile("<code>hallpass_sessions_created_total</code>.*?>(\\d+)</", Pattern.DOTALL).matcher(page.body());
        assertTrue(row.find(), "the node's metrics table lists hallpass_sessions_created_total");
        assertEquals(Metrics.value(created, "hallpass_sessions_created_total").orElseThrow().longValue(),
                Long.parseLong(row.group(1)));
    }

    @Test
    void aRedisOutageLeavesTheNodeReadyButDegradedAndADatabaseOutageMakesItUnready() {
        JsonObject ready = health("ready", 200);
        assertEquals("UP", check(ready, "database").getString("status"));
        assertEquals("up", check(ready, "redis").getJsonObject("data").getString("state"));

        redis.stop();
        try {
            await(() -> check(health("ready", 200), "redis").getJsonObject("data").getString("state").startsWith("degraded"),
                    Duration.ofSeconds(15), "readiness reporting Redis degraded");
            assertEquals("UP", health("ready", 200).getString("status"), "still ready: sessions come from the database");
            assertEquals("UP", health("live", 200).getString("status"));
            webhook.await(alertOf("redis_down"), 1, Duration.ofSeconds(15));
            assertEquals(0, metric("hallpass_redis_available"), "the gauge Prometheus alerts on");
        } finally {
            redis.startAgain();
        }
        await(() -> "up".equals(check(health("ready", 200), "redis").getJsonObject("data").getString("state")),
                Duration.ofSeconds(20), "readiness reporting Redis up again");
        webhook.await(alertOf("redis_recovered"), 1, Duration.ofSeconds(15));
        assertEquals(1, metric("hallpass_redis_available"));

        database.refuseConnections();
        try {
            await(() -> http.get("/health/ready").status() == 503, Duration.ofSeconds(15), "readiness failing");
            JsonObject down = health("ready", 503);
            assertEquals("DOWN", down.getString("status"));
            assertEquals("DOWN", check(down, "database").getString("status"));
            assertEquals("UP", health("live", 200).getString("status"), "live does not depend on the database");
            // the alert goes out while the database that would keep it is away
            webhook.await(alertOf("database_down"), 1, Duration.ofSeconds(15));
        } finally {
            database.allowConnections();
        }
        await(() -> http.get("/health/ready").status() == 200, Duration.ofSeconds(30), "readiness back after the outage");
        assertEquals(200, Logins.login(http, "admin", Deployments.ADMIN_PASSWORD).status(), "and the node serves logins again");
        webhook.await(alertOf("database_recovered"), 1, Duration.ofSeconds(15));
        String down = Json.createReader(new java.io.StringReader(webhook.received(alertOf("database_down")).get(0).body())).readObject().getString("id");
        await(() -> listedAlerts().stream().anyMatch(a -> a.getString("id").equals(down) && a.getString("delivery").equals("DELIVERED")),
                Duration.ofSeconds(15), "the database-down alert kept once the database was back");
        assertEquals(1, metric("hallpass_database_available"));
    }

    @Test
    void aTheftAlertIsSignedRetriedAndListedAndNeverHoldsTheRequestThatCausedIt() throws Exception {
        String user = newUser("alerted");
        Reply login = http.postJson("api/auth/login", Json.createObjectBuilder().add("username", user)
                .add("password", PASSWORD).add("tokens", true).build().toString());
        String first = login.json().getJsonObject("tokens").getString("refresh_token");
        assertEquals(200, refresh(first).status());
        Predicate<WebhookReceiver.Received> ofThisTheft = alertOf("security_event").and(r -> r.body().contains(user));

        webhook.hold(); // a receiver that hangs (up to 30 s), then answers 503 twice
        webhook.answerNext(503, 503);
        try {
            Reply reuse = CompletableFuture.supplyAsync(() -> refresh(first)).get(10, TimeUnit.SECONDS);
            assertEquals(400, reuse.status(), reuse::toString);
            webhook.await(ofThisTheft, 1, Duration.ofSeconds(10)); // on its way, and the request has its answer
        } finally {
            webhook.release();
        }
        List<WebhookReceiver.Received> attempts = webhook.await(ofThisTheft, 3, Duration.ofSeconds(20));
        WebhookReceiver.Received delivered = attempts.get(2);
        JsonObject alert = Json.createReader(new java.io.StringReader(delivered.body())).readObject();
        assertEquals("critical", alert.getString("severity"));
        assertTrue(alert.getString("summary").contains("refresh token reuse"), alert::toString);
        long timestamp = Long.parseLong(delivered.header("X-Hallpass-Timestamp"));
        assertTrue(WebhookSignature.verify(WEBHOOK_SECRET, timestamp, delivered.body(), delivered.header("X-Hallpass-Signature")));
        assertFalse(WebhookSignature.verify("another-secret-for-tests", timestamp, delivered.body(), delivered.header("X-Hallpass-Signature")));
        assertEquals(Set.of(alert.getString("id")), attempts.stream().map(a -> a.header("X-Hallpass-Alert-Id")).collect(Collectors.toSet()),
                "one alert, three attempts");
        await(() -> listedAlerts().stream().anyMatch(a -> a.getString("id").equals(alert.getString("id"))
                && a.getString("delivery").equals("DELIVERED") && a.getInt("attempts") == 3),
                Duration.ofSeconds(10), "the alert listed as delivered after 3 attempts");
        String page = http.get("admin/alerts.xhtml", cookie(Logins.adminSecret(http))).body();
        assertTrue(page.contains("Security event refresh token reuse for user " + user), "the console's Alerts page lists it");
        assertEquals(403, http.get("api/admin/alerts", cookie(Logins.login(http, user, PASSWORD).setCookie(Logins.COOKIE)
                .orElseThrow().value())).status(), "admins only");
    }

    private static Predicate<WebhookReceiver.Received> alertOf(String kind) {
        return received -> received.body().contains("\"kind\":\"" + kind + "\"");
    }

    private static List<JsonObject> listedAlerts() {
        Reply reply = http.get("api/admin/alerts?limit=500", cookie(Logins.adminSecret(http)));
        assertEquals(200, reply.status(), reply::toString);
        return reply.jsonList();
    }

    private static JsonObject health(String kind, int status) {
        Reply reply = http.get("/health/" + kind);
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " check in " + health));
    }

    @Test
    void everyRequestHasAnIdThatReachesTheSecurityLogWithTheHandleButNeverTheSecret() {
        String user = newUser("traced");
        String id = "it-" + Long.toString(System.nanoTime(), 36);

        Reply login = Logins.login(http, user, PASSWORD, RequestId.HEADER, id);
        assertEquals(200, login.status());
        assertEquals(id, login.headers().firstValue(RequestId.HEADER).orElseThrow(), "a caller's id is kept");
        String secret = login.setCookie(Logins.COOKIE).orElseThrow().value();
        String handle = http.get("api/auth/me", cookie(secret)).json().getJsonObject("session").getString("handle");

        String line = node.output().lines().filter(l -> l.contains("request=" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with request=" + id));
        assertTrue(line.contains("security-event type=LOGIN_SUCCEEDED"), line);
        assertTrue(line.contains("session=" + handle), line);
        assertFalse(node.output().contains(secret), "the session secret is never logged");

        String generated = http.get("api/auth/status").headers().firstValue(RequestId.HEADER).orElseThrow();
        assertTrue(UUID_SHAPE.matcher(generated).matches(), "a new id when none is given: " + generated);
        String forged = http.get("api/auth/status", RequestId.HEADER, "x\" type=FORGED").headers()
                .firstValue(RequestId.HEADER).orElseThrow();
        assertTrue(UUID_SHAPE.matcher(forged).matches(), "an id that could forge a log line is replaced: " + forged);
        assertNotEquals(generated, forged);
    }

    @Test
    void openApiDescribesEveryResourceWithProblemDetailsForErrors() {
        Reply reply = http.get("/openapi", "Accept", "application/json");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject document = reply.json();
        JsonObject paths = document.getJsonObject("paths");

        Set<String> missing = new TreeSet<>(resourcePaths());
        missing.removeAll(paths.keySet());
        assertEquals(Set.of(), missing, "resources missing from /openapi");

        JsonObject problem = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertTrue(problem.getJsonObject("properties").keySet().containsAll(Set.of("type", "title", "status", "detail", "errors")));
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonObject errors = operation.asJsonObject().getJsonObject("responses").getJsonObject("4XX");
            assertEquals("#/components/schemas/Problem", errors.getJsonObject("content")
                    .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"), method + " " + path);
        }));
        assertTrue(document.getJsonObject("components").getJsonObject("securitySchemes").containsKey("sessionCookie"));
    }

    /** Every JAX-RS resource path of the application, read from the compiled classes. */
    private static Set<String> resourcePaths() {
        java.nio.file.Path classes = Paths.get("target/classes");
        String application = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> paths = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class") && !file.toString().contains("$")).forEach(file -> {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    return;
                }
                String base = application + "/" + root.value().replaceAll("^/|/$", "");
                for (Method method : type.getDeclaredMethods()) {
                    boolean endpoint = Stream.of(method.getAnnotations())
                            .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
                    if (endpoint) {
                        Path sub = method.getAnnotation(Path.class);
                        paths.add(sub == null ? base : base + "/" + sub.value().replaceAll("^/", ""));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(paths.size() > 15, "found the resources: " + paths);
        return paths;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OperationsIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
