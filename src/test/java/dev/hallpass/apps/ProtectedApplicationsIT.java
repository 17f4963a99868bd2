package dev.hallpass.apps;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.NginxProcess;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.downstream.OrdersApplication;
import dev.hallpass.testsupport.downstream.OrdersResource;
import dev.hallpass.testsupport.downstream.ShopPage;
import dev.hallpass.token.control.ClientCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hallpass as the session authority of the shop's other applications, with real parts: Hallpass on one
 * Payara Micro; on a second Payara Micro a MicroProfile JWT service ({@code orders}, with hallpass-client's
 * filter) and a server-rendered application ({@code shop}, with hallpass-client's session mechanism), each
 * with its own revocation feed stream; a real nginx asking {@code /auth/verify} in front of an upstream.
 * Every way a session ends is refused by all three; the feed survives restarts of either side.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectedApplicationsIT {

    static final String CLIENT = "shop";
    static final String CLIENT_SECRET = "shop-client-secret-for-tests";
    static final String OTHER_CLIENT = "other";
    static final String OTHER_SECRET = "other-client-secret-for-tests";
    /** How long a refusal may take in these tests: far above the feed's milliseconds, far below a token's life. */
    static final Duration BOUND = Duration.ofSeconds(2);

    static Path work;
    static int hallpassPort;
    static int downstreamPort;
    static Map<String, String> hallpassSettings;
    static PayaraMicroProcess hallpassServer;
    static PayaraMicroProcess downstreamServer;
    static List<File> downstreamWars;
    static HttpServer upstream;
    static NginxProcess nginx;
    static Http hallpass;
    static Http downstream;
    static Http proxy;
    static String admin;

    @BeforeAll
    static void start() throws IOException {
        work = Deployments.freshDataDirectory("protected-applications");
        hallpassPort = PayaraMicroProcess.freePort();
        downstreamPort = PayaraMicroProcess.freePort();
        String issuer = "http://127.0.0.1:" + hallpassPort;
        hallpassSettings = new HashMap<>(Deployments.testSettings());
        hallpassSettings.putAll(Map.of(
                "hallpass.db.url", "jdbc:h2:file:" + work.resolve("hallpass-db/hallpass"),
                "hallpass.token.issuer", issuer,
                "hallpass.token.audience", "hallpass,orders",
                "hallpass.token.type", "JWT",
                "hallpass.token.refresh-grace", "PT0.5S",
                "hallpass.token.clients", CLIENT + ":" + hash(CLIENT_SECRET) + "," + OTHER_CLIENT + ":" + hash(OTHER_SECRET),
                "hallpass.login.return-origins", "http://127.0.0.1:" + downstreamPort,
                "hallpass.signals.long-poll", "PT2S"));
        hallpassServer = PayaraMicroProcess.start(Deployments.packagedWar(), hallpassPort, work.resolve("hallpass"), hallpassSettings);
        hallpass = new Http(hallpassServer.baseUri());
        admin = Logins.adminSecret(hallpass);

        String client = "hallpass.client.url=" + issuer + "\nhallpass.client.id=" + CLIENT + "\nhallpass.client.secret="
                + CLIENT_SECRET + "\nhallpass.client.max-staleness=PT4S\n";
        File clientJar = new File(System.getProperty("hallpass.client.jar", "target/hallpass-client.jar"));
        WebArchive orders = ShrinkWrap.create(WebArchive.class, "orders.war")
                .addClasses(OrdersApplication.class, OrdersResource.class)
                .addAsLibrary(clientJar)
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json\n"
                        + "mp.jwt.verify.issuer=" + issuer + "\nmp.jwt.verify.audiences=orders\n" + client
                        + "hallpass.client.description=orders\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"all\"/>"), "beans.xml");
        WebArchive shop = ShrinkWrap.create(WebArchive.class, "shop.war")
                .addClasses(ShopPage.class)
                .addAsLibrary(clientJar)
                .addAsResource(new StringAsset(client + "hallpass.client.session-login=true\nhallpass.client.description=shop\n"),
                        "META-INF/microprofile-config.properties");
        downstreamWars = List.of(export(orders), export(shop));
        startDownstream();

        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = ("upstream sees user=" + exchange.getRequestHeaders().getFirst("X-Hallpass-User") + " roles="
                    + exchange.getRequestHeaders().getFirst("X-Hallpass-Roles")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        nginx = NginxProcess.start(work.resolve("nginx"), hallpassPort, upstream.getAddress().getPort());
        proxy = new Http(java.net.URI.create("http://127.0.0.1:" + nginx.port() + "/"));
    }

    static void startDownstream() {
        downstreamServer = PayaraMicroProcess.start(downstreamWars.get(0), List.of(downstreamWars.get(1)), downstreamPort,
                work.resolve("downstream"), Map.of());
        downstream = new Http(downstreamServer.baseUri());
        // fail closed until its feed has caught up: a live session's token is refused with 503 until then
        User probe = User.loggedIn();
        within(Duration.ofSeconds(30), () -> downstream.get("api/orders", probe.bearer()).status() == 200, "the orders feed to be current");
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
        if (downstreamServer != null) {
            downstreamServer.close();
        }
        if (hallpassServer != null) {
            hallpassServer.close();
        }
    }

    /** A user with a live session (cookie) and an access token of it. */
    record User(String name, String secret, String accessToken, String handle) {

        static User loggedIn() {
            String name = Logins.newUser(hallpass, admin, "shopper", PASSWORD);
            String secret = Logins.secretOf(hallpass, name, PASSWORD);
            Reply token = hallpass.send("POST", "api/auth/token", null, null, cookie(secret));
            assertEquals(200, token.status(), token::toString);
            String handle = hallpass.get("api/auth/me", cookie(secret)).json().getJsonObject("session").getString("handle");
            return new User(name, secret, token.json().getString("access_token"), handle);
        }

        String[] bearer() {
            return new String[] {"Authorization", "Bearer " + accessToken};
        }

        String[] cookieHeader() {
            return cookie(secret);
        }
    }

    private static void assertServedEverywhere(User user) {
        Reply orders = downstream.get("api/orders", user.bearer());
        assertEquals(200, orders.status(), orders::toString);
        assertTrue(orders.body().contains(user.name()) && orders.body().contains(user.handle()), orders.body());
        Reply page = downstream.get("shop/page", user.cookieHeader());
        assertEquals(200, page.status(), page::toString);
        assertEquals("page of " + user.name() + " user=true admin=false", page.body());
        Reply proxied = proxy.get("anything/here", user.cookieHeader());
        assertEquals(200, proxied.status(), proxied::toString);
        assertEquals("upstream sees user=" + user.name() + " roles=user", proxied.body());
        Reply proxiedBearer = proxy.get("api", user.bearer());
        assertEquals(200, proxiedBearer.status(), proxiedBearer::toString);
    }

    /** Every application refuses the user within {@link #BOUND}; returns how long the JWT service took. */
    private static long assertRefusedEverywhere(User user, long endedAtNanos) {
        long refusedAfter = within(BOUND, () -> downstream.get("api/orders", user.bearer()).status() == 401,
                "the orders service to refuse the token of the ended session");
        Reply orders = downstream.get("api/orders", user.bearer());
        assertTrue(orders.contentType().startsWith("application/problem+json"), orders::toString);
        within(BOUND, () -> downstream.get("shop/page", user.cookieHeader()).status() == 302, "the shop page to send to login");
        Reply page = downstream.get("shop/page", user.cookieHeader());
        assertTrue(page.header("Location").orElseThrow().startsWith("http://127.0.0.1:" + hallpassPort + "/login.xhtml?next="
                + "http%3A%2F%2F127.0.0.1%3A" + downstreamPort + "%2Fshop%2Fpage"), page::toString);
        assertEquals(401, proxy.get("anything", user.cookieHeader()).status());
        assertEquals(401, proxy.get("anything", user.bearer()).status());
        return (System.nanoTime() - endedAtNanos) / 1_000_000 + refusedAfter * 0;
    }

    @Test
    @Order(1)
    void aLogoutOnHallpassIsRefusedByTheServiceThePageAndTheProxy() {
        User user = User.loggedIn();
        assertServedEverywhere(user);

        assertEquals(204, hallpass.send("POST", "api/auth/logout", null, null, user.cookieHeader()).status());
        long ended = System.nanoTime();

        assertRefusedEverywhere(user, ended);
    }

    @Test
    @Order(2)
    void anAdminKillADisableAndARefreshTokenTheftAreRefusedToo() {
        User killed = User.loggedIn();
        User disabled = User.loggedIn();
        assertServedEverywhere(killed);
        assertServedEverywhere(disabled);

        assertEquals(204, hallpass.send("DELETE", "api/admin/sessions/" + killed.handle(), null, null, cookie(admin)).status());
        assertRefusedEverywhere(killed, System.nanoTime());

        assertEquals(200, hallpass.send("POST", "api/admin/accounts/" + disabled.name() + "/disable", null, null, cookie(admin)).status());
        assertRefusedEverywhere(disabled, System.nanoTime());

        String name = Logins.newUser(hallpass, admin, "thief", PASSWORD);
        Reply login = hallpass.postJson("api/auth/login", Json.createObjectBuilder().add("username", name).add("password", PASSWORD)
                .add("tokens", true).build().toString());
        JsonObject tokens = login.json().getJsonObject("tokens");
        String access = tokens.getString("access_token");
        assertEquals(200, downstream.get("api/orders", "Authorization", "Bearer " + access).status());
        String spent = tokens.getString("refresh_token");
        Reply rotated = hallpass.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", spent).build().toString());
        assertEquals(200, rotated.status(), rotated::toString);
        String rotatedAccess = rotated.json().getString("access_token");
        sleep(Duration.ofMillis(800)); // past the grace window: a second use of the spent token is theft
        assertEquals(400, hallpass.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", spent).build().toString()).status(),
                "invalid_grant: the spent token was used again");
        within(BOUND, () -> downstream.get("api/orders", "Authorization", "Bearer " + rotatedAccess).status() == 401
                && downstream.get("api/orders", "Authorization", "Bearer " + access).status() == 401, "the stolen family's tokens to be refused");
    }

    @Test
    @Order(3)
    void theFeedSpeaksSharedSignals() throws Exception {
        JsonObject configuration = hallpass.get(".well-known/ssf-configuration").json();
        assertEquals("http://127.0.0.1:" + hallpassPort + "/api/ssf/streams", configuration.getString("configuration_endpoint"));
        assertTrue(configuration.getJsonArray("delivery_methods_supported").toString().contains("urn:ietf:rfc:8936"));

        Reply anonymous = hallpass.postJson("api/ssf/streams", "{}");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(401, hallpass.postJson("api/ssf/streams", "{}", basic(CLIENT, "wrong")).status());
        Reply badMethod = hallpass.postJson("api/ssf/streams", "{\"delivery\":{\"method\":\"urn:example:carrier-pigeon\"}}", basic(CLIENT, CLIENT_SECRET));
        assertEquals(400, badMethod.status(), badMethod::toString);
        assertTrue(badMethod.contentType().startsWith("application/problem+json"), badMethod::toString);
        assertEquals(400, hallpass.postJson("api/ssf/streams", "{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\"file:///etc/passwd\"}}",
                basic(CLIENT, CLIENT_SECRET)).status());
        assertEquals(400, hallpass.postJson("api/ssf/streams", "[1,2", basic(CLIENT, CLIENT_SECRET)).status());

        Reply created = hallpass.postJson("api/ssf/streams", "{\"description\":\"protocol test\"}", basic(CLIENT, CLIENT_SECRET));
        assertEquals(201, created.status(), created::toString);
        String streamId = created.json().getString("stream_id");
        String poll = created.json().getJsonObject("delivery").getString("endpoint_url");
        assertEquals(404, hallpass.get("api/ssf/streams?stream_id=" + streamId, basic(OTHER_CLIENT, OTHER_SECRET)).status(),
                "another client does not see this stream");
        assertEquals(404, hallpass.postJson(poll.substring(poll.indexOf("api/")), "{}", basic(OTHER_CLIENT, OTHER_SECRET)).status());

        // the new stream starts with the ends of the last access-token lifetime: the earlier tests' are there
        JsonObject backlog = pollNow(poll, List.of());
        assertTrue(backlog.getJsonObject("sets").size() >= 4, backlog::toString);
        // drain it, acknowledging
        List<String> acks = new ArrayList<>(backlog.getJsonObject("sets").keySet());
        JsonObject drained = pollNow(poll, acks);
        while (!drained.getJsonObject("sets").isEmpty()) {
            acks = new ArrayList<>(drained.getJsonObject("sets").keySet());
            drained = pollNow(poll, acks);
        }

        // a long poll waits, and is answered when a session ends
        User user = User.loggedIn();
        CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() ->
                hallpass.postJson(poll.substring(poll.indexOf("api/")), "{\"returnImmediately\":false}", basic(CLIENT, CLIENT_SECRET)));
        sleep(Duration.ofMillis(300));
        assertFalse(waiting.isDone(), "a long poll with nothing to send waits");
        long ended = System.nanoTime();
        assertEquals(204, hallpass.send("POST", "api/auth/logout", null, null, user.cookieHeader()).status());
        Reply answered = waiting.get(5, TimeUnit.SECONDS);
        long waitedMillis = (System.nanoTime() - ended) / 1_000_000;
        assertEquals(200, answered.status(), answered::toString);
        JsonObject sets = answered.json().getJsonObject("sets");
        assertEquals(1, sets.size(), answered::toString);
        assertTrue(waitedMillis < 1000, "the long poll was answered " + waitedMillis + " ms after the logout");
        String jti = sets.keySet().iterator().next();
        JsonObject claims = verifiedSet(sets.getString(jti));
        assertEquals(CLIENT, claims.getString("aud"));
        assertEquals(jti, claims.getString("jti"));
        assertEquals(user.handle(), claims.getJsonObject("sub_id").getJsonObject("session").getString("id"));
        assertEquals(user.name(), claims.getJsonObject("sub_id").getJsonObject("user").getString("sub"));
        JsonObject event = claims.getJsonObject("events")
                .getJsonObject("https://schemas.openid.net/secevent/caep/event-type/session-revoked");
        assertEquals("user", event.getString("initiating_entity"));
        assertEquals("logout", event.getJsonObject("reason_admin").getString("en"));

        // not acknowledged: sent again; acknowledged: gone
        JsonObject again = pollNow(poll, List.of()).getJsonObject("sets");
        assertEquals(List.of(jti), List.copyOf(again.keySet()), "the unacknowledged event again, under the same id");
        assertEquals(user.handle(), verifiedSet(again.getString(jti)).getJsonObject("sub_id").getJsonObject("session").getString("id"));
        assertTrue(pollNow(poll, List.of(jti)).getJsonObject("sets").isEmpty());

        // a disable also says credential-change
        User disabled = User.loggedIn();
        hallpass.send("POST", "api/admin/accounts/" + disabled.name() + "/disable", null, null, cookie(admin));
        JsonObject afterDisable = within(BOUND, () -> pollNow(poll, List.of()), s -> s.getJsonObject("sets").size() >= 2);
        assertTrue(afterDisable.getJsonObject("sets").values().stream().map(v -> verifiedSet(((jakarta.json.JsonString) v).getString()))
                .filter(c -> c.getJsonObject("events").containsKey("https://schemas.openid.net/secevent/caep/event-type/credential-change")
                        && c.getJsonObject("sub_id").getString("sub").equals(disabled.name()))
                .map(c -> c.getJsonObject("events").getJsonObject("https://schemas.openid.net/secevent/caep/event-type/credential-change"))
                // the account can no longer be used, by an administrator's act (it said "update" and "policy")
                .anyMatch(e -> "revoke".equals(e.getString("change_type")) && "admin".equals(e.getString("initiating_entity"))),
                afterDisable::toString);

        assertEquals(204, hallpass.send("DELETE", "api/ssf/streams?stream_id=" + streamId, null, null, basic(CLIENT, CLIENT_SECRET)).status());
        assertEquals(404, hallpass.postJson(poll.substring(poll.indexOf("api/")), "{}", basic(CLIENT, CLIENT_SECRET)).status());
    }

    @Test
    @Order(4)
    void pushDeliveryPostsEachSetToTheReceiver() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", exchange -> {
            if ("application/secevent+jwt".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        receiver.start();
        try {
            Reply created = hallpass.postJson("api/ssf/streams", Json.createObjectBuilder()
                    .add("delivery", Json.createObjectBuilder().add("method", "urn:ietf:rfc:8935")
                            .add("endpoint_url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events"))
                    .add("events_requested", Json.createArrayBuilder().add("https://schemas.openid.net/secevent/caep/event-type/session-revoked"))
                    .build().toString(), basic(CLIENT, CLIENT_SECRET));
            assertEquals(201, created.status(), created::toString);
            User user = User.loggedIn();
            assertEquals(204, hallpass.send("POST", "api/auth/logout", null, null, user.cookieHeader()).status());
            boolean found = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!found && System.nanoTime() < deadline) {
                String set = received.poll(1, TimeUnit.SECONDS);
                found = set != null && user.handle().equals(verifiedSet(set).getJsonObject("sub_id").getJsonObject("session").getString("id"));
            }
            assertTrue(found, "the receiver got the SET of the logout");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(5)
    void theProxyCheckAnswersWithoutABodyForLiveCallersAndAProblemOtherwise() {
        User user = User.loggedIn();
        Reply byCookie = hallpass.get("auth/verify", user.cookieHeader());
        assertEquals(200, byCookie.status());
        assertEquals(user.name(), byCookie.header("X-Hallpass-User").orElseThrow());
        assertEquals("user", byCookie.header("X-Hallpass-Roles").orElseThrow());
        assertEquals(user.handle(), byCookie.header("X-Hallpass-Session").orElseThrow());
        assertEquals("", byCookie.body());
        Reply byToken = hallpass.get("auth/verify", user.bearer());
        assertEquals(user.handle(), byToken.header("X-Hallpass-Session").orElseThrow());
        Reply nobody = hallpass.get("auth/verify");
        assertEquals(401, nobody.status());
        assertTrue(nobody.contentType().startsWith("application/problem+json"), nobody::toString);
        assertEquals(401, hallpass.get("auth/verify", "Authorization", "Bearer not.a.token").status());
        assertEquals(401, hallpass.get("auth/verify", cookie("x".repeat(43))).status());
        // a header forged by the client never reaches the upstream: nginx sets it from Hallpass's answer
        assertEquals("upstream sees user=" + user.name() + " roles=user",
                proxy.get("x", "Cookie", Logins.COOKIE + "=" + user.secret(), "X-Hallpass-User", "admin").body());
        assertEquals(401, proxy.get("x", "X-Hallpass-User", "admin").status());
    }

    @Test
    @Order(6)
    void aRestartedApplicationStillRefusesWhatEndedWhileItWasDown() {
        User endedWhileDown = User.loggedIn();
        assertEquals(200, downstream.get("api/orders", endedWhileDown.bearer()).status());
        downstreamServer.close();
        assertEquals(204, hallpass.send("POST", "api/auth/logout", null, null, endedWhileDown.cookieHeader()).status());

        startDownstream();

        assertEquals(401, downstream.get("api/orders", endedWhileDown.bearer()).status(),
                "the new stream starts with the ends of the last token lifetime");
        assertServedEverywhere(User.loggedIn());
    }

    @Test
    @Order(7)
    void theFeedResumesAfterHallpassCrashesAndComesBack() {
        User user = User.loggedIn();
        assertServedEverywhere(user);
        // H2 (the trial database) writes committed data to its file within 500 ms (WRITE_DELAY): a SIGKILL
        // sooner would lose this session's row itself, which is not what this test is about
        sleep(Duration.ofMillis(1500));

        hallpassServer.kill();
        // fail closed: once the feed is older than max-staleness (4 s here), bearer requests get 503, not a guess
        within(Duration.ofSeconds(10), () -> downstream.get("api/orders", user.bearer()).status() == 503,
                "the orders service to fail closed while Hallpass is down");
        within(Duration.ofSeconds(10), () -> downstream.get("shop/page", user.cookieHeader()).status() == 503,
                "the shop to answer 503 once its feed is stale and Hallpass cannot check the cookie");

        hallpassServer = PayaraMicroProcess.start(Deployments.packagedWar(), hallpassPort, work.resolve("hallpass"), hallpassSettings);
        within(Duration.ofSeconds(20), () -> downstream.get("api/orders", user.bearer()).status() == 200, "the feed to resume");
        assertEquals(204, hallpass.send("POST", "api/auth/logout", null, null, user.cookieHeader()).status());
        assertRefusedEverywhere(user, System.nanoTime());
    }

    // --- helpers

    private static JsonObject pollNow(String pollUrl, List<String> acks) {
        var ack = Json.createArrayBuilder();
        acks.forEach(ack::add);
        Reply reply = hallpass.postJson(pollUrl.substring(pollUrl.indexOf("api/")), Json.createObjectBuilder()
                .add("ack", ack).add("returnImmediately", true).add("maxEvents", 100).build().toString(), basic(CLIENT, CLIENT_SECRET));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** The claims of a SET whose signature checks out against Hallpass's JWKS and whose type is secevent+jwt. */
    private static JsonObject verifiedSet(String set) {
        try {
            JsonWebKeySet keys = new JsonWebKeySet(hallpass.get(".well-known/jwks.json").body());
            JsonWebSignature jws = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(set);
            assertEquals("secevent+jwt", jws.getHeader("typ"));
            jws.setKey(keys.findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null).getKey());
            assertTrue(jws.verifySignature(), "SET signature");
            return Json.createReader(new java.io.StringReader(jws.getPayload())).readObject();
        } catch (org.jose4j.lang.JoseException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] basic(String id, String secret) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8))};
    }

    private static String hash(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ClientCredentials.sha256(secret));
    }

    private static File export(WebArchive war) {
        File file = work.resolve(war.getName()).toFile();
        war.as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    /** Waits (bounded) until {@code condition} holds; returns the milliseconds it took. */
    static long within(Duration limit, Supplier<Boolean> condition, String what) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (true) {
            try {
                if (condition.get()) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (UncheckedIOException notReachable) {
                // a server that is starting or stopping
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + limit + " for " + what);
            }
            sleep(Duration.ofMillis(5));
        }
    }

    private static <T> T within(Duration limit, Supplier<T> attempt, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = attempt.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
            last = attempt.get();
        }
        return last;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
