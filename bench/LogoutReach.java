import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * How long after a logout on Hallpass the shop's other applications refuse the session: a MicroProfile JWT
 * service with hallpass-client's filter (the access token, through the revocation feed) and a server-rendered
 * page with hallpass-client's session mechanism (the cookie, its cached check dropped by the feed).
 * Usage: java bench/LogoutReach.java HALLPASS ORDERS_URL PAGE_URL USER PASSWORD ITERATIONS
 * Every wait is bounded: an application that never refuses fails the run after 5 s.
 */
public class LogoutReach {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One thread per application checked: the common pool has a single thread on two cores. */
    static final java.util.concurrent.ExecutorService CHECKERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r);
        thread.setDaemon(true);
        return thread;
    });

    public static void main(String[] args) throws Exception {
        String hallpass = args[0];
        String orders = args[1];
        String page = args[2];
        String body = "{\"username\":\"" + args[3] + "\",\"password\":\"" + args[4] + "\"}";
        int iterations = Integer.parseInt(args[5]);
        String clientAuth = args.length > 6 ? "Basic " + java.util.Base64.getEncoder().encodeToString(args[6].getBytes()) : null;
        FeedWatcher feed = clientAuth == null ? null : new FeedWatcher(hallpass, clientAuth);
        long[] delivered = new long[iterations];
        int warmup = Math.min(30, iterations);
        long[] service = new long[iterations];
        long[] pageRefused = new long[iterations];
        long[] serviceSent = new long[iterations];
        long[] pageSent = new long[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(hallpass + "/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            String cookie = "__Host-hallpass=" + login.headers().firstValue("Set-Cookie").orElseThrow().replaceAll("^[^=]+=([^;]*);.*$", "$1");
            String token = send(HttpRequest.newBuilder(URI.create(hallpass + "/api/auth/token")).header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody())).body().replaceAll("^.*\"access_token\":\"([^\"]+)\".*$", "$1");
            for (int warm = 0; warm < 2; warm++) { // both applications know (and the page has cached) the session
                expect(200, get(orders, "Authorization", "Bearer " + token), "orders before the logout");
                expect(200, get(page, "Cookie", cookie), "page before the logout");
            }
            int status = send(HttpRequest.newBuilder(URI.create(hallpass + "/api/auth/logout")).header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
            long sent = System.nanoTime(); // the logout has committed: time from its answer
            expect(204, status, "logout");

            CompletableFuture<Refusal> byService = CompletableFuture.supplyAsync(() -> until(sent, () -> get(orders, "Authorization", "Bearer " + token) == 401), CHECKERS);
            CompletableFuture<Refusal> byPage = CompletableFuture.supplyAsync(() -> until(sent, () -> get(page, "Cookie", cookie) == 302), CHECKERS);
            if (i >= warmup) {
                Refusal bySvc = byService.get();
                Refusal byPg = byPage.get();
                service[i - warmup] = bySvc.answered();
                serviceSent[i - warmup] = bySvc.sent();
                pageRefused[i - warmup] = byPg.answered();
                pageSent[i - warmup] = byPg.sent();
                if (feed != null) {
                    delivered[i - warmup] = feed.arrivalOf(token, sent);
                }
            } else {
                byService.get();
                byPage.get();
            }
        }
        if (feed != null) {
            row("logout → its SET reaches a feed receiver of the bench's own (long poll)", delivered);
        }
        row("logout → JWT service with the filter refuses (feed)", service);
        row("logout → cookie page refuses (feed drops the cached check)", pageRefused);
        row("(the refusing request was sent to the JWT service at)", serviceSent);
        row("(the refusing request was sent to the cookie page at)", pageSent);
    }

    /** A receiver of the bench's own: long polls in a thread and notes when each session's SET arrived. */
    static final class FeedWatcher {
        final java.util.Map<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();

        FeedWatcher(String hallpass, String auth) {
            String created = send(HttpRequest.newBuilder(URI.create(hallpass + "/api/ssf/streams")).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"bench\"}"))).body();
            String poll = created.replaceAll("^.*\"endpoint_url\":\"([^\"]+)\".*$", "$1");
            Thread thread = new Thread(() -> {
                String acks = "";
                while (true) {
                    String answer = send(HttpRequest.newBuilder(URI.create(poll)).header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"returnImmediately\":false,\"ack\":[" + acks + "]}"))).body();
                    long now = System.nanoTime();
                    java.util.List<String> jtis = new java.util.ArrayList<>();
                    java.util.regex.Matcher set = java.util.regex.Pattern.compile("\"([0-9]+\\.[^\"]+)\":\"([^\"]+)\"").matcher(answer);
                    while (set.find()) {
                        jtis.add("\"" + set.group(1) + "\"");
                        String payload = new String(java.util.Base64.getUrlDecoder().decode(set.group(2).split("\\.")[1]));
                        java.util.regex.Matcher sid = java.util.regex.Pattern.compile("\"session\":\\{[^}]*\"id\":\"([^\"]+)\"").matcher(payload);
                        if (sid.find()) {
                            arrivals.put(sid.group(1), now);
                        }
                    }
                    acks = String.join(",", jtis);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long arrivalOf(String accessToken, long since) {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
            String sid = payload.replaceAll("^.*\"sid\":\"([^\"]+)\".*$", "$1");
            long deadline = since + Duration.ofSeconds(5).toNanos();
            while (!arrivals.containsKey(sid) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Long at = arrivals.get(sid);
            if (at == null) {
                throw new IllegalStateException("no SET for " + sid);
            }
            return at - since;
        }
    }

    interface Check {
        boolean done();
    }

    /** When the refusing request was sent, and when its answer came (nanoseconds after the logout's answer). */
    record Refusal(long sent, long answered) {
    }

    static Refusal until(long since, Check check) {
        long deadline = since + Duration.ofSeconds(5).toNanos();
        while (true) {
            long before = System.nanoTime();
            if (check.done()) {
                return new Refusal(before - since, System.nanoTime() - since);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not refused within 5 s");
            }
            try {
                Thread.sleep(1); // a check every millisecond or so, without taking a core from the servers
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void row(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", what, sorted.length, ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static int get(String url, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET()).statusCode();
    }

    static void expect(int expected, int actual, String what) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
