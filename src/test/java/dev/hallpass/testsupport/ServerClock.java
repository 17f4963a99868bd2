package dev.hallpass.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

/** Moves the server's clock in deployments made {@link Deployments#withMovableClock}. */
public final class ServerClock {

    private ServerClock() {
    }

    public static void advance(Http http, Duration by) {
        assertEquals(200, http.send("POST", "api/test-support/clock?advance=" + by, null, null).status());
    }
}
