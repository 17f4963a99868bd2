package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.SessionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStateCodecTest {

    static final Instant CONFIRMED = Instant.parse("2026-05-01T10:16:00.000001Z");
    final SessionStateCodec codec = new SessionStateCodec(new CacheSeal("a key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII)));

    static SessionState session(Set<String> roles) {
        return session(roles, "hash-of-secret");
    }

    static SessionState session(Set<String> roles, String secretHash) {
        Instant created = Instant.parse("2026-05-01T10:15:30.123456Z");
        return new SessionState("h4ndle", secretHash, "ann@example.com", roles, created, created.plusSeconds(61),
                created.plusSeconds(1800), created.plusSeconds(43_200), true, SessionStatus.ACTIVE,
                "2001:db8:0:0:0:0:0:1", "Mozilla/5.0 (X11; Linux x86_64) a|b, c");
    }

    private String encoded(SessionState session) {
        return codec.encode(new CachedSession(session, CONFIRMED));
    }

    @Test
    void anActiveSessionSurvivesTheRoundTripToTheMicrosecondWithItsConfirmation() {
        SessionState original = session(Set.of("admin", "user"));

        CachedSession decoded = codec.decode(encoded(original), "hash-of-secret").orElseThrow();

        assertEquals(original, decoded.session());
        assertEquals(CONFIRMED, decoded.confirmedAt());
    }

    @Test
    void aRenewedSecretKeepsWhenItWasIssuedAndWhetherItWasUsed() {
        SessionState renewed = session(Set.of("user")).withSecret("hash-of-secret", Instant.parse("2026-12-02T10:00:00.123456Z"));

        assertEquals(renewed, codec.decode(encoded(renewed), "hash-of-secret").orElseThrow().session());
        assertEquals(renewed.secretUsed(), codec.decode(encoded(renewed.secretUsed()), "hash-of-secret").orElseThrow().session());
    }

    @Test
    void theUserAgentKeepsEveryCharacterItMayHold() {
        assertEquals("Mozilla/5.0 (X11; Linux x86_64) a|b, c",
                codec.decode(encoded(session(Set.of("user"))), "hash-of-secret").orElseThrow().session().userAgent());
    }

    @Test
    void noRolesIsNotOneEmptyRole() {
        assertEquals(Set.of(), codec.decode(encoded(session(Set.of())), "hash-of-secret").orElseThrow().session().roles());
    }

    @Test
    void tombstonesAndUnknownFormatsAreNotSessions() {
        for (String value : new String[] {SessionStateCodec.TOMBSTONE, SessionStateCodec.REPLACED, "",
                "1|a|b|c|d|1|2|3|4|0", "2|h4ndle|hash-of-secret|ann|admin|1|2|3|4|0|ip|ua", "1|too|few",
                "3|seal|1|h4ndle|hash-of-secret|ann|admin|1|2|3|4|0|ip|ua"}) {
            assertTrue(codec.decode(value, "hash-of-secret").isEmpty(), value);
        }
    }

    @Test
    void anEntryWithEditedRolesOrALaterConfirmationFailsItsSeal() {
        String genuine = encoded(session(Set.of("user")));

        String elevated = genuine.replace("|user|", "|admin,user|");
        String extended = genuine.replace("|" + micros(CONFIRMED) + "|", "|" + micros(CONFIRMED.plus(Duration.ofDays(1))) + "|");

        assertNotEquals(genuine, elevated);
        assertNotEquals(genuine, extended);
        assertTrue(codec.decode(elevated, "hash-of-secret").isEmpty(), "roles edited in Redis");
        assertTrue(codec.decode(extended, "hash-of-secret").isEmpty(), "confirmation moved forward in Redis");
    }

    @Test
    void anEntrySealedWithAnotherKeyIsNotBelieved() {
        SessionStateCodec otherCluster = new SessionStateCodec(new CacheSeal("another key, also thirty-two bytes".getBytes(StandardCharsets.US_ASCII)));

        assertTrue(codec.decode(otherCluster.encode(new CachedSession(session(Set.of("admin")), CONFIRMED)), "hash-of-secret").isEmpty());
    }

    @Test
    void aGenuineEntryCopiedUnderAnotherSessionsKeyIsNotBelieved() {
        assertTrue(codec.decode(encoded(session(Set.of("admin"))), "hash-of-my-own-secret").isEmpty());
    }

    @Test
    void aCacheKeepsAnEntryNoLongerThanItsConfirmationAllowsWhateverItsTouches() {
        CachedSession cached = new CachedSession(session(Set.of("user")), CONFIRMED);
        CachedSession touched = cached.with(cached.session().touched(CONFIRMED.plusSeconds(500), CONFIRMED.plusSeconds(2300)));

        assertEquals(Duration.ofMinutes(10), cached.remaining(CONFIRMED, Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(100), touched.remaining(CONFIRMED.plusSeconds(500), Duration.ofMinutes(10)),
                "a touch does not move the deadline");
    }

    private static String micros(Instant instant) {
        return Long.toString(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }
}
