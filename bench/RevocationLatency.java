import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * How long after a logout on one node another node refuses the session, when that other node had
 * the session in its local cache (so only the pub/sub message can end it there in time).
 * Usage: java bench/RevocationLatency.java BASE_A BASE_B USER PASSWORD ITERATIONS
 * Every loop is bounded: a node that never refuses fails the run after 5 s.
 */
public class RevocationLatency {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        String body = "{\"username\":\"" + args[2] + "\",\"password\":\"" + args[3] + "\"}";
        int iterations = Integer.parseInt(args[4]);
        int warmup = Math.min(50, iterations);
        long[] propagation = new long[iterations];
        long[] endToEnd = new long[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(a + "/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            String secret = login.headers().firstValue("Set-Cookie").orElseThrow().replaceAll("^[^=]+=([^;]*);.*$", "$1");
            String cookie = "__Host-hallpass=" + secret;
            for (int warm = 0; warm < 2; warm++) {
                if (me(b, cookie) != 200) {
                    throw new IllegalStateException("node B does not know the session");
                }
            }
            long sent = System.nanoTime();
            int status = send(HttpRequest.newBuilder(URI.create(a + "/api/auth/logout")).header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
            long answered = System.nanoTime();
            if (status != 204) {
                throw new IllegalStateException("logout answered " + status);
            }
            while (me(b, cookie) != 401) {
                if (System.nanoTime() - answered > Duration.ofSeconds(5).toNanos()) {
                    throw new IllegalStateException("node B still accepts the session 5 s after logout");
                }
            }
            long refused = System.nanoTime();
            if (i >= warmup) {
                propagation[i - warmup] = refused - answered;
                endToEnd[i - warmup] = refused - sent;
            }
        }
        report("after the logout response (propagation)", propagation);
        report("after the logout request was sent", endToEnd);
    }

    static int me(String base, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/auth/me")).header("Cookie", cookie).GET()).statusCode();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("| node B refuses, measured %s | %d | %.2f | %.2f | %.2f | %.2f |%n", what, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
