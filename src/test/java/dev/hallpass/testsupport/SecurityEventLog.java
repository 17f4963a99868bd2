package dev.hallpass.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads security events over the admin API; they are written off the request path, so reads wait for them. */
public final class SecurityEventLog {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private SecurityEventLog() {
    }

    /** The events of this type (and user, if not null), newest first, as soon as there are at least {@code atLeast}. */
    public static List<JsonObject> await(Http http, String adminSecret, String type, String user, int atLeast) {
        String query = "api/admin/security-events?type=" + type
                + (user == null ? "" : "&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Reply reply = http.get(query, Logins.cookie(adminSecret));
            assertEquals(200, reply.status(), reply::toString);
            List<JsonObject> events = reply.jsonList();
            if (events.size() >= atLeast || Instant.now().isAfter(deadline)) {
                return events;
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Waits for the event and asserts there is exactly one of its type for the user; returns it. */
    public static JsonObject assertRecordedOnce(Http http, String adminSecret, String type, String user) {
        List<JsonObject> events = await(http, adminSecret, type, user, 1);
        sleep(Duration.ofMillis(200)); // a duplicate written a moment later would show now
        events = await(http, adminSecret, type, user, 1);
        assertEquals(1, events.size(), () -> type + " of " + user + " should be recorded once");
        return events.get(0);
    }

    /** Waits a moment (for something written off the request path that should not appear). */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
