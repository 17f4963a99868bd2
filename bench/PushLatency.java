import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event streams at scale and push latency across nodes.
 * 1. Opens STREAMS event streams (one session, node B) and waits until B's gauge says they are open;
 *    prints B's resident memory and thread count before and after.
 * 2. With those open, ROUNDS times: log in on A, open a stream on B, log out on A, and time until B's
 *    stream says session-ended (from sending the logout, and from its answer).
 * Usage: java bench/PushLatency.java BASE_A BASE_B USER PASSWORD STREAMS ROUNDS PID_B
 * Or, for data sync (bench/data-sync.sh): java bench/PushLatency.java data BASE_A BASE_B USER PASSWORD ROUNDS —
 * one session of the user on each node, a stream on B, ROUNDS times a PUT of a user document on A (with its
 * If-Match), timed until B's stream says data-updated.
 * Every wait is bounded (60 s for the streams, 5 s per event).
 */
public class PushLatency {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern OPEN = Pattern.compile("(?m)^hallpass_push_streams_open\\S* ([0-9.]+)");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("data")) {
            dataSync(args[1], args[2], "{\"username\":\"" + args[3] + "\",\"password\":\"" + args[4] + "\"}",
                    Integer.parseInt(args[5]));
            return;
        }
        String a = args[0], b = args[1], body = "{\"username\":\"" + args[2] + "\",\"password\":\"" + args[3] + "\"}";
        int streams = Integer.parseInt(args[4]), rounds = Integer.parseInt(args[5]);
        long pid = Long.parseLong(args[6]);
        String root = b.replaceAll("^(https?://[^/]+).*$", "$1");

        String before = process(pid);
        String cookie = login(b, body);
        List<CompletableFuture<HttpResponse<InputStream>>> held = new ArrayList<>();
        long opening = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            held.add(HTTP.sendAsync(events(b, cookie), HttpResponse.BodyHandlers.ofInputStream()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        double open = 0;
        while ((open = gauge(root)) < streams && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long openedMs = (System.nanoTime() - opening) / 1_000_000;
        System.out.printf("| streams open on node B | %.0f of %d (in %d ms) |%n", open, streams, openedMs);
        System.out.println("| node B before | " + before + " |");
        System.out.println("| node B with the streams open | " + process(pid) + " |");

        long[] fromSend = new long[rounds];
        long[] fromAnswer = new long[rounds];
        int warmup = Math.min(20, rounds);
        for (int i = 0; i < warmup + rounds; i++) {
            String session = login(a, body);
            HttpResponse<InputStream> stream = HTTP.send(events(b, session), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                await(lines, "event: ready");
                long sent = System.nanoTime();
                int status = HTTP.send(HttpRequest.newBuilder(URI.create(a + "/api/auth/logout")).header("Cookie", session)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                long answered = System.nanoTime();
                if (status != 204) {
                    throw new IllegalStateException("logout answered " + status);
                }
                await(lines, "event: session-ended");
                long heard = System.nanoTime();
                if (i >= warmup) {
                    fromSend[i - warmup] = heard - sent;
                    fromAnswer[i - warmup] = Math.max(0, heard - answered);
                }
            }
        }
        System.out.println();
        System.out.println("| push latency, node A logout → node B stream | samples | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        row("from sending the logout", fromSend);
        row("after the logout was answered", fromAnswer);
        held.forEach(f -> f.thenAccept(r -> { try { r.body().close(); } catch (Exception ignored) { } }));
    }

    /** Data sync latency: a PUT on node A until node B's stream of another session of the user says data-updated. */
    static void dataSync(String a, String b, String body, int rounds) throws Exception {
        String phone = login(a, body), laptop = login(b, body);
        long[] fromSend = new long[rounds];
        long[] fromAnswer = new long[rounds];
        int warmup = Math.min(20, rounds);
        String etag = null;
        HttpResponse<InputStream> stream = HTTP.send(events(b, laptop), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            await(lines, "event: ready");
            for (int i = 0; i < warmup + rounds; i++) {
                HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(a + "/api/me/data/bench-cart")).header("Cookie", phone)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"items\": " + i + "}"));
                put.header(etag == null ? "If-None-Match" : "If-Match", etag == null ? "*" : etag);
                long sent = System.nanoTime();
                HttpResponse<Void> answer = HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding());
                long answered = System.nanoTime();
                if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                    throw new IllegalStateException("PUT answered " + answer.statusCode());
                }
                etag = answer.headers().firstValue("ETag").orElseThrow();
                await(lines, "event: data-updated");
                long heard = System.nanoTime();
                if (i >= warmup) {
                    fromSend[i - warmup] = heard - sent;
                    fromAnswer[i - warmup] = Math.max(0, heard - answered);
                }
            }
        }
        System.out.println("| data sync, node A PUT → node B stream of another session | samples | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        row("from sending the PUT", fromSend);
        row("after the PUT was answered", fromAnswer);
    }

    static HttpRequest events(String base, String cookie) {
        return HttpRequest.newBuilder(URI.create(base + "/api/events")).header("Cookie", cookie)
                .header("Accept", "text/event-stream").build();
    }

    static String login(String base, String body) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
        }
        return "__Host-hallpass=" + login.headers().firstValue("Set-Cookie").orElseThrow().replaceAll("^[^=]+=([^;]*);.*$", "$1");
    }

    /** Reads lines until one equals {@code line}; fails after 5 s (the read itself is bounded by the server's heartbeat). */
    static void await(BufferedReader lines, String line) throws Exception {
        CompletableFuture<Void> found = CompletableFuture.runAsync(() -> {
            try {
                String next;
                while ((next = lines.readLine()) != null) {
                    if (next.equals(line)) {
                        return;
                    }
                }
                throw new IllegalStateException("stream closed before '" + line + "'");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        found.get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    static double gauge(String root) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = OPEN.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    static String process(long pid) throws Exception {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        String rss = status.replaceAll("(?s).*VmRSS:\\s+(\\d+) kB.*", "$1");
        String threads = status.replaceAll("(?s).*Threads:\\s+(\\d+).*", "$1");
        return "RSS " + Long.parseLong(rss) / 1024 + " MiB, " + threads + " threads";
    }

    static void row(String what, long[] nanos) {
        long[] ms = Arrays.stream(nanos).sorted().toArray();
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", what, ms.length, at(ms, 0.5), at(ms, 0.9), at(ms, 0.99),
                ms[ms.length - 1] / 1e6);
    }

    static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
