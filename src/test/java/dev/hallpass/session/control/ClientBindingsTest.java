package dev.hallpass.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client-binding decision of a session check, without a store. */
class ClientBindingsTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final SessionState SESSION = new SessionState("h", "hash", "ann", Set.of("user"), NOW, NOW, NOW.plusSeconds(1800),
            NOW.plusSeconds(43200), false, SessionStatus.ACTIVE, "198.51.100.10", "Firefox");

    @Test
    void theSameClientOrIgnoredDifferencesChangeNothing() {
        ClientBindings strict = new ClientBindings(ClientBinding.STRICT, ClientBinding.STRICT);
        assertEquals(new ClientBindings.Unchanged(), strict.judge(SESSION, "198.51.100.10", "Firefox"));
        assertEquals(new ClientBindings.Unchanged(), ClientBindings.OFF.judge(SESSION, "203.0.113.1", "curl"));
    }

    @Test
    void aStrictBindingEndsTheSessionTheIpFirst() {
        ClientBindings strict = new ClientBindings(ClientBinding.STRICT, ClientBinding.STRICT);
        assertEquals(new ClientBindings.End(EndReason.IP_CHANGED, "IP address 198.51.100.10 -> 203.0.113.1"),
                strict.judge(SESSION, "203.0.113.1", "curl"));
        assertEquals(new ClientBindings.End(EndReason.USER_AGENT_CHANGED, "user agent 'Firefox' -> 'curl'"),
                new ClientBindings(ClientBinding.LOG, ClientBinding.STRICT).judge(SESSION, "198.51.100.10", "curl"));
    }

    @Test
    void aLoggedBindingFollowsTheNewClientAndSaysWhatChanged() {
        ClientBindings log = new ClientBindings(ClientBinding.LOG, ClientBinding.LOG);
        assertEquals(new ClientBindings.Follow("203.0.113.1", "Firefox", "IP address 198.51.100.10 -> 203.0.113.1", null),
                log.judge(SESSION, "203.0.113.1", "Firefox"));
        assertEquals(new ClientBindings.Follow("198.51.100.10", "curl", null, "user agent 'Firefox' -> 'curl'"),
                new ClientBindings(ClientBinding.OFF, ClientBinding.LOG).judge(SESSION, "203.0.113.1", "curl"),
                "an address the binding ignores is not taken over");
    }
}
