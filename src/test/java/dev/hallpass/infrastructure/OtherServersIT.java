package dev.hallpass.infrastructure;

import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.PostgresDatabase;
import dev.hallpass.testsupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR, unchanged, on the two other servers the README names, started the way the README
 * says: {@code scripts/servers/payara-server.sh} (Payara Server 6) and {@code scripts/servers/wildfly.sh}
 * (WildFly 35) with the distribution the pom unpacked under target/servers and a PostgreSQL database of
 * the test's own. Each server gets the smoke test: login, session, access token checked against the
 * JWKS, Bearer, logout answered with problem+json, a Faces page; plus health and metrics where the
 * server serves them. Skipped when the distribution or PostgreSQL is missing.
 */
class OtherServersIT {

    private static final int SCRIPT_LIMIT_SECONDS = 300;

    @Test
    void payaraServer6() throws Exception {
        // --portbase HTTP_PORT-80: debugger +9, IIOP +37/+38/+39, admin +48, Hazelcast +49/+59, JMS +76, HTTPS +81, JMX +86
        int port = freePortWith(http -> http - 80 >= 1024 && http + 20 < 65536,
                IntStream.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 81, 86).map(offset -> offset - 80).toArray());
        runSmokeTest("payara-server", "hallpass.it.payara-server.home", port, http -> {
            Reply ready = http.get("health/ready");
            assertEquals(200, ready.status(), () -> "health/ready: " + ready);
            Reply metrics = http.get("metrics");
            assertEquals(200, metrics.status(), () -> "metrics: " + metrics.status());
            assertTrue(metrics.body().contains("hallpass_sessions_active"), "metrics lack hallpass_sessions_active");
        });
    }

    @Test
    void wildfly() throws Exception {
        // jboss.socket.binding.port-offset HTTP_PORT-8080: https 8443, management 9990 and 9993 plus the offset
        int port = freePortWith(http -> http >= 8080 && http + 1913 < 65536, new int[] {8443 - 8080, 9990 - 8080, 9993 - 8080});
        runSmokeTest("wildfly", "hallpass.it.wildfly.home", port, http -> {
            // WildFly serves MicroProfile Health (the application's checks included) on the management port
            Http management = new Http(URI.create("http://127.0.0.1:" + (port - 8080 + 9990) + "/"));
            Reply ready = management.get("health/ready");
            assertEquals(200, ready.status(), () -> "health/ready on the management port: " + ready);
        });
    }

    interface Extras {
        void check(Http http) throws Exception;
    }

    /** {@code scripts/servers/<script>.sh start}, the smoke test and {@code extras}, then {@code stop}. */
    private void runSmokeTest(String script, String homeProperty, int port, Extras extras) throws Exception {
        String home = System.getProperty(homeProperty);
        if (home == null || !Files.isDirectory(Path.of(home))) {
            Assumptions.abort("No server distribution at " + homeProperty + "=" + home);
        }
        PostgresDatabase.skipUnlessReachable("OtherServersIT (" + script + ")");
        Path work = Deployments.freshDataDirectory(script);
        try (PostgresDatabase database = PostgresDatabase.create(script.replace("-", ""))) {
            Map<String, String> environment = Map.of(
                    "SERVER_HOME", Path.of(home).toAbsolutePath().toString(),
                    "WAR", Deployments.packagedWar().getAbsolutePath(),
                    "SERVER_WORK", work.toString(),
                    "HTTP_PORT", Integer.toString(port),
                    "HALLPASS_DB_URL", database.jdbcUrl(),
                    "HALLPASS_BOOTSTRAP_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD,
                    "HALLPASS_PASSWORD_ITERATIONS", "1000",
                    "HALLPASS_TOKEN_KEY_ENCRYPTION_KEY", Deployments.KEY_ENCRYPTION_KEY);
            try {
                long started = System.nanoTime();
                Result start = run(script, "start", environment, work);
                assertEquals(0, start.exit(), () -> "scripts/servers/" + script + ".sh start failed:\n" + start.output());
                System.out.printf("%s: started and deployed in %.1f s%n", script, (System.nanoTime() - started) / 1e9);

                Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
                smokeTest(http);
                extras.check(http);
            } finally {
                long stopping = System.nanoTime();
                Result stop = run(script, "stop", environment, work);
                System.out.printf("%s: stopped in %.1f s (exit %d)%n", script, (System.nanoTime() - stopping) / 1e9, stop.exit());
            }
        }
    }

    private static void smokeTest(Http http) {
        String secret = Logins.adminSecret(http);

        Reply me = http.get("api/auth/me", cookie(secret));
        assertEquals(200, me.status(), () -> "me with the cookie: " + me);
        assertEquals("admin", me.json().getString("username"));

        Reply token = http.send("POST", "api/auth/token", null, null, cookie(secret));
        assertEquals(200, token.status(), () -> "token: " + token);
        String accessToken = token.json().getString("access_token");

        Reply jwks = http.get(".well-known/jwks.json");
        assertEquals(200, jwks.status(), () -> "jwks: " + jwks);
        String kid = jwtHeader(accessToken).getString("kid");
        List<String> kids = jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("kid", null)).toList();
        assertTrue(kids.contains(kid), () -> "kid " + kid + " not among the JWKS keys " + kids);

        Reply bearer = http.get("api/auth/me", "Authorization", "Bearer " + accessToken);
        assertEquals(200, bearer.status(), () -> "me with the access token: " + bearer);
        assertEquals("admin", bearer.json().getString("username"));

        Reply logout = http.send("POST", "api/auth/logout", null, null, cookie(secret));
        assertEquals(204, logout.status(), () -> "logout: " + logout);
        Reply after = http.get("api/auth/me", cookie(secret));
        assertEquals(401, after.status(), () -> "me after logout: " + after);
        assertTrue(after.contentType().startsWith("application/problem+json"), () -> "Content-Type " + after.contentType());

        Reply page = http.get("login.xhtml");
        assertEquals(200, page.status(), () -> "login.xhtml: " + page.status());
        assertFalse(page.body().isBlank(), "login.xhtml is empty");
    }

    private static JsonObject jwtHeader(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(header))) {
            return reader.readObject();
        }
    }

    record Result(int exit, String output) {
    }

    private static Result run(String script, String command, Map<String, String> environment, Path work)
            throws IOException, InterruptedException {
        Path log = work.resolve(script + "-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/servers/" + script + ".sh", command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/servers/" + script + ".sh " + command + " took over "
                    + SCRIPT_LIMIT_SECONDS + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("scripts/servers/" + script + ".sh " + command + ":\n" + output);
        return new Result(process.exitValue(), output);
    }

    /** A free loopback HTTP port that {@code acceptable} allows and whose {@code related} ports are free too. */
    private static int freePortWith(IntPredicate acceptable, int[] related) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = PayaraMicroProcess.freePort();
            if (acceptable.test(port) && IntStream.of(related).allMatch(offset -> isFree(port + offset))) {
                return port;
            }
        }
        throw new IllegalStateException("No free port with free related ports " + Arrays.toString(related));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
