package dev.hallpass.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): keeps every request it got, answers 200 unless
 * told to answer otherwise first, and can hold requests until released (a receiver that hangs).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> nextAnswers = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/alerts", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    receiver.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
                }
                try {
                    receiver.hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Integer status = receiver.nextAnswers.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** The next requests are answered with these statuses, in order (then 200). */
    public void answerNext(int... statuses) {
        for (int status : statuses) {
            nextAnswers.add(status);
        }
    }

    /** From now on requests wait for {@link #release()} (at most 30 s) before their answer. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public List<Received> received(Predicate<Received> which) {
        return new ArrayList<>(received.stream().filter(which).toList());
    }

    /** Waits (bounded) until {@code count} requests match. */
    public List<Received> await(Predicate<Received> which, int count, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (received(which).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(count + " matching webhook request(s) did not arrive within " + limit + "; got " + received);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return received(which);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
