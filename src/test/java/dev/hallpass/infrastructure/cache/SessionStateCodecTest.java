package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStateCodecTest {

    static SessionState session(Set<String> roles) {
        return session(roles, "hash-of-secret");
    }

    static SessionState session(Set<String> roles, String secretHash) {
        Instant created = Instant.parse("2026-05-01T10:15:30.123456Z");
        return new SessionState("h4ndle", secretHash, "ann@example.com", roles, created, created.plusSeconds(61),
                created.plusSeconds(1800), created.plusSeconds(43_200), true, SessionStatus.ACTIVE,
                "2001:db8:0:0:0:0:0:1", "Mozilla/5.0 (X11; Linux x86_64) a|b, c");
    }

    @Test
    void anActiveSessionSurvivesTheRoundTripToTheMicrosecond() {
        SessionState original = session(Set.of("admin", "user"));

        assertEquals(original, SessionStateCodec.decode(SessionStateCodec.encode(original)).orElseThrow());
    }

    @Test
    void theUserAgentKeepsEveryCharacterItMayHold() {
        SessionState original = session(Set.of("user"));

        assertEquals("Mozilla/5.0 (X11; Linux x86_64) a|b, c",
                SessionStateCodec.decode(SessionStateCodec.encode(original)).orElseThrow().userAgent());
    }

    @Test
    void noRolesIsNotOneEmptyRole() {
        assertEquals(Set.of(), SessionStateCodec.decode(SessionStateCodec.encode(session(Set.of()))).orElseThrow().roles());
    }

    @Test
    void tombstonesAndUnknownFormatsAreNotSessions() {
        for (String value : new String[] {SessionStateCodec.TOMBSTONE, SessionStateCodec.REPLACED, "",
                "1|a|b|c|d|1|2|3|4|0", "2|a|b|c|d|1|2|3|4|0", "1|too|few"}) {
            assertTrue(SessionStateCodec.decode(value).isEmpty(), value);
        }
    }
}
