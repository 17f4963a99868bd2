import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Proves a running cluster (scripts/cluster.sh check): every node is ready; a user's session from one
 * node works on every node, with requests spread round-robin as a non-sticky load balancer would;
 * an administrator's kill on another node is refused by all nodes within a second. JDK only:
 * {@code java scripts/ClusterCheck.java cert.pem https://node1 https://node2 ...}, with the admin
 * password in HALLPASS_BOOTSTRAP_ADMIN_PASSWORD. Exits 1 on the first broken promise.
 */
public class ClusterCheck {

    static final Duration KILL_LIMIT = Duration.ofSeconds(1);
    static final Pattern COOKIE = Pattern.compile("__Host-hallpass=([A-Za-z0-9_-]{43})");
    static final Pattern HANDLE = Pattern.compile("\"handle\"\\s*:\\s*\"([^\"]+)\"");

    static HttpClient client;
    static List<String> nodes;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            fail("usage: java scripts/ClusterCheck.java cert.pem https://node1 https://node2 ...");
        }
        client = HttpClient.newBuilder().sslContext(trusting(Path.of(args[0]))).connectTimeout(Duration.ofSeconds(5)).build();
        nodes = List.of(args).subList(1, args.length);
        String adminPassword = System.getenv("HALLPASS_BOOTSTRAP_ADMIN_PASSWORD");

        for (String node : nodes) {
            expect(200, send("GET", node, "/health/ready", null, null), node + " ready");
        }
        System.out.println("ready: all " + nodes.size() + " nodes");

        String admin = login(nodes.get(0), "admin", adminPassword);
        String user = "cluster-" + Long.toString(System.currentTimeMillis(), 36);
        String password = "cluster check password " + System.nanoTime();
        expect(201, send("POST", nodes.get(0), "/api/admin/accounts", admin, "{\"username\":\"" + user
                + "\",\"password\":\"" + password + "\",\"roles\":[\"user\"]}"), "account created");
        String secret = login(nodes.get(0), user, password);

        int requests = nodes.size() * 10;
        for (int i = 0; i < requests; i++) {
            String node = nodes.get(i % nodes.size());
            expect(200, send("GET", node, "/api/auth/me", secret, null), "session from node 1 used on " + node);
        }
        System.out.println("session: started on node 1, " + requests + " requests round-robin over all nodes, all 200");

        HttpResponse<String> me = send("GET", nodes.get(nodes.size() - 1), "/api/auth/me", secret, null);
        Matcher handle = HANDLE.matcher(me.body());
        if (!handle.find()) {
            fail("no session handle in " + me.body());
        }
        String killer = nodes.get(1);
        long start = System.nanoTime();
        expect(204, send("DELETE", killer, "/api/admin/sessions/" + handle.group(1) + "?reason=cluster%20check", admin, null),
                "kill on " + killer);
        List<String> seen = new ArrayList<>();
        for (String node : nodes) {
            long refusedAfter = awaitRefused(node, secret, start);
            seen.add(node + " " + refusedAfter + " ms");
        }
        System.out.println("kill: ended on node 2, refused by every node: " + String.join(", ", seen));
        System.out.println("CLUSTER OK");
    }

    /** Milliseconds from the kill until this node answers 401 for the secret; fails past the limit. */
    static long awaitRefused(String node, String secret, long start) throws Exception {
        while (true) {
            int status = send("GET", node, "/api/auth/me", secret, null).statusCode();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (status == 401) {
                return elapsed;
            }
            if (elapsed > KILL_LIMIT.toMillis()) {
                fail(node + " still answers " + status + " " + elapsed + " ms after the kill");
            }
            Thread.sleep(10);
        }
    }

    static String login(String node, String username, String password) throws Exception {
        HttpResponse<String> reply = send("POST", node, "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        expect(200, reply, "login of " + username + " on " + node);
        Matcher cookie = COOKIE.matcher(String.join(";", reply.headers().allValues("Set-Cookie")));
        if (!cookie.find()) {
            fail("no session cookie in the login answer of " + node);
        }
        return cookie.group(1);
    }

    static HttpResponse<String> send(String method, String node, String path, String secret, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (secret != null) {
            request.header("Cookie", "__Host-hallpass=" + secret);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(int status, HttpResponse<String> reply, String what) {
        if (reply.statusCode() != status) {
            fail(what + ": expected " + status + ", got " + reply.statusCode() + " " + reply.body());
        }
    }

    /** TLS that trusts the cluster's own certificate (and nothing else). */
    static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("cluster", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    static void fail(String message) {
        System.err.println("CLUSTER CHECK FAILED: " + message);
        System.exit(1);
    }
}
