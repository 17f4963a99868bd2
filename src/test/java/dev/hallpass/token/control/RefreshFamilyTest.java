package dev.hallpass.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.MovingClock;
import dev.hallpass.token.entity.RefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh-family rules with an in-memory store and a clock the test moves: no container, no database. */
class RefreshFamilyTest {

    static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    static final Duration TTL = Duration.ofDays(7);
    static final Duration GRACE = Duration.ofSeconds(10);

    /** What a store does, in memory; rotate is conditional on the token still being active, as in the database. */
    static final class InMemoryTokens implements RefreshTokenRepository {
        final Map<String, RefreshToken> rows = new LinkedHashMap<>();
        final List<String> rotations = new ArrayList<>();

        @Override
        public synchronized Optional<RefreshToken> find(String tokenHash) {
            return Optional.ofNullable(rows.get(tokenHash));
        }

        @Override
        public synchronized void add(RefreshToken token) {
            rows.put(token.tokenHash(), token);
        }

        @Override
        public synchronized boolean rotate(String tokenHash, Instant at, String successorEncrypted, RefreshToken successor) {
            RefreshToken spent = rows.get(tokenHash);
            if (spent == null || spent.status() != RefreshToken.Status.ACTIVE) {
                return false;
            }
            rows.replaceAll((hash, row) -> row.familyId().equals(spent.familyId()) && row.successorEncrypted() != null
                    ? copy(row, row.status(), null) : row);
            rows.put(tokenHash, new RefreshToken(spent.tokenHash(), spent.familyId(), spent.sessionHandle(), spent.username(),
                    spent.createdAt(), spent.expiresAt(), RefreshToken.Status.ROTATED, at, successorEncrypted));
            rows.put(successor.tokenHash(), successor);
            rotations.add(tokenHash);
            return true;
        }

        @Override
        public synchronized int revokeFamily(String familyId) {
            return revokeWhere(row -> row.familyId().equals(familyId));
        }

        @Override
        public synchronized int revokeSession(String sessionHandle) {
            return revokeWhere(row -> row.sessionHandle().equals(sessionHandle));
        }

        private int revokeWhere(Predicate<RefreshToken> which) {
            int revoked = 0;
            for (Map.Entry<String, RefreshToken> row : rows.entrySet()) {
                if (which.test(row.getValue()) && row.getValue().status() != RefreshToken.Status.REVOKED) {
                    row.setValue(copy(row.getValue(), RefreshToken.Status.REVOKED, null));
                    revoked++;
                }
            }
            return revoked;
        }

        private static RefreshToken copy(RefreshToken row, RefreshToken.Status status, String successor) {
            return new RefreshToken(row.tokenHash(), row.familyId(), row.sessionHandle(), row.username(), row.createdAt(),
                    row.expiresAt(), status, row.rotatedAt(), successor);
        }
    }

    final InMemoryTokens tokens = new InMemoryTokens();
    final Set<String> liveSessions = new HashSet<>(Set.of("session-1"));
    final List<RefreshToken> thefts = new ArrayList<>();
    final MovingClock clock = new MovingClock(START);
    RefreshFamily<String> family;

    @BeforeEach
    void setUp() {
        family = new RefreshFamily<>(tokens, clock, TTL, GRACE,
                handle -> liveSessions.contains(handle) ? Optional.of(handle) : Optional.empty(),
                handle -> START.plus(Duration.ofDays(3)));
    }

    private String first() {
        return family.start("session-1", "ann", "session-1").token();
    }

    private InvalidGrant.Reason refused(String token) {
        return assertThrows(InvalidGrant.class, () -> family.refresh(token, thefts::add)).reason();
    }

    @Test
    void aRefreshSpendsTheTokenAndGivesTheNextNeverPastTheSession() {
        String token = first();
        RefreshFamily.Next<String> next = family.refresh(token, thefts::add);

        assertTrue(next.rotated());
        assertNotEquals(token, next.token());
        assertTrue(next.token().startsWith(RefreshFamily.PREFIX));
        assertEquals(START.plus(Duration.ofDays(3)), next.expiresAt(), "capped by the session's absolute expiry");
        assertEquals("session-1", next.session());
        assertEquals(RefreshToken.Status.ROTATED, tokens.find(RefreshFamily.hash(token)).orElseThrow().status());
    }

    @Test
    void theSameSpentTokenWithinTheGraceWindowGetsTheSameSuccessor() {
        String token = first();
        String successor = family.refresh(token, thefts::add).token();
        clock.advance(GRACE);

        RefreshFamily.Next<String> again = family.refresh(token, thefts::add);
        assertEquals(successor, again.token());
        assertFalse(again.rotated());
        assertEquals(1, tokens.rotations.size());
        assertTrue(thefts.isEmpty());
    }

    @Test
    void aSpentTokenUsedAfterTheGraceWindowIsTheftAndTheCallerIsTold() {
        String token = first();
        family.refresh(token, thefts::add);
        clock.advance(GRACE.plusMillis(1));

        assertEquals(InvalidGrant.Reason.REUSED, refused(token));
        assertEquals(1, thefts.size());
        assertEquals(RefreshFamily.hash(token), thefts.get(0).tokenHash());
    }

    @Test
    void theSuccessorIsStoredOnlyInAFormTheSpentTokenOpens() {
        String token = first();
        String successor = family.refresh(token, thefts::add).token();
        String wrapped = tokens.find(RefreshFamily.hash(token)).orElseThrow().successorEncrypted();

        assertFalse(wrapped.contains(successor));
        byte[] anyKey = new byte[32];
        assertThrows(IllegalStateException.class, () -> new KeyEncryption(anyKey).decrypt(wrapped, RefreshFamily.hash(token)));
    }

    @Test
    void everythingButALiveTokenOfALiveSessionIsRefused() {
        assertEquals(InvalidGrant.Reason.MALFORMED, refused(null));
        assertEquals(InvalidGrant.Reason.MALFORMED, refused("hpr_not-a-secret"));
        assertEquals(InvalidGrant.Reason.UNKNOWN, refused(RefreshFamily.newSecret()));

        String revoked = first();
        tokens.revokeSession("session-1");
        assertEquals(InvalidGrant.Reason.REVOKED, refused(revoked));

        String orphan = first();
        liveSessions.clear();
        assertEquals(InvalidGrant.Reason.SESSION_ENDED, refused(orphan));

        liveSessions.add("session-1");
        String old = first();
        clock.set(START.plus(Duration.ofDays(3)));
        assertEquals(InvalidGrant.Reason.EXPIRED, refused(old));
        assertTrue(thefts.isEmpty());
    }

    @Test
    void ofTwoRefreshesOfOneTokenAtOnceOneRotatesAndTheOtherGetsTheSameSuccessor() throws Exception {
        String token = first();
        List<RefreshFamily.Next<String>> results = Collections.synchronizedList(new ArrayList<>());
        Thread one = new Thread(() -> results.add(family.refresh(token, thefts::add)));
        Thread two = new Thread(() -> results.add(family.refresh(token, thefts::add)));
        one.start();
        two.start();
        one.join();
        two.join();

        assertEquals(2, results.size());
        assertEquals(results.get(0).token(), results.get(1).token());
        assertEquals(1, tokens.rotations.size());
        assertTrue(thefts.isEmpty());
    }
}
