package dev.hallpass.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events stream read on a thread of its own: every event (name and data) lands in a queue the
 * test reads with a bound. Closing it closes the connection, as a browser tab going away does.
 */
public final class EventStream implements AutoCloseable {

    /** One event; {@code data} is its (JSON) data line. */
    public record Event(String name, String data) {
        public JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final int status;

    private EventStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} of {@code http} with these header pairs; waits at most 10 s for the answer's head. */
    public static EventStream open(Http http, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve(path)).header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStream(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("could not open " + path, e);
        }
    }

    public int status() {
        return status;
    }

    /** The next event named {@code name} (others before it are skipped); fails after {@code limit}. */
    public Event next(String name, Duration limit) {
        return poll(name, limit).orElseThrow(() -> new AssertionError("no '" + name + "' event within " + limit));
    }

    /** The next event named {@code name} within {@code limit}, skipping others; empty if none came. */
    public Optional<Event> poll(String name, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (long left = limit.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Event event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event != null && event.name().equals(name)) {
                    return Optional.of(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
                }
            }
            events.add(new Event("closed", ""));
        } catch (IOException closed) {
            events.add(new Event("closed", ""));
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException alreadyClosed) {
            // nothing to do
        }
    }
}
