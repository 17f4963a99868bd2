package dev.hallpass.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.alerting.control.Alert.Kind;
import dev.hallpass.alerting.control.Alert.Severity;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.session.entity.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static AlertRules rules(int endsPerMinute) {
        return new AlertRules(new AlertRules.Settings(Set.of(SecurityEvent.Type.REFRESH_TOKEN_REUSE, SecurityEvent.Type.NEW_NETWORK),
                endsPerMinute, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(10)));
    }

    @Test
    void aChosenSecurityEventFiresOncePerUserPerCoolDown() {
        AlertRules rules = rules(100);
        AlertRules.Firing theft = rules.securityEvent(SecurityEvent.Type.REFRESH_TOKEN_REUSE, "alice", T0).orElseThrow();
        assertEquals(Severity.CRITICAL, theft.severity());
        assertTrue(theft.summary().contains("alice"), theft.summary());
        assertEquals(Optional.empty(), rules.securityEvent(SecurityEvent.Type.REFRESH_TOKEN_REUSE, "alice", T0.plusSeconds(599)));
        assertTrue(rules.securityEvent(SecurityEvent.Type.REFRESH_TOKEN_REUSE, "bob", T0.plusSeconds(1)).isPresent(), "another user");
        assertEquals(Severity.WARNING, rules.securityEvent(SecurityEvent.Type.NEW_NETWORK, "alice", T0.plusSeconds(2)).orElseThrow().severity());
        assertTrue(rules.securityEvent(SecurityEvent.Type.REFRESH_TOKEN_REUSE, "alice", T0.plusSeconds(600)).isPresent(), "after the cool-down");
    }

    @Test
    void eventsThatWereNotChosenNeverFire() {
        assertEquals(Optional.empty(), rules(100).securityEvent(SecurityEvent.Type.LOGIN_FAILED, "alice", T0));
    }

    @Test
    void moreEndsInAMinuteThanTheThresholdFireOnceAndTimeoutsDoNotCount() {
        AlertRules rules = rules(3);
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), rules.sessionEnded(EndReason.IDLE_TIMEOUT, T0), "a sweep's timeouts");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), rules.sessionEnded(EndReason.KILLED, T0.plusSeconds(i)));
        }
        AlertRules.Firing mass = rules.sessionEnded(EndReason.KILLED, T0.plusSeconds(3)).orElseThrow();
        assertEquals(Kind.SESSIONS_ENDED, mass.kind());
        assertEquals(Optional.empty(), rules.sessionEnded(EndReason.KILLED, T0.plusSeconds(4)), "cool-down");
    }

    @Test
    void endsSpreadOverMoreThanAMinuteDoNotFire() {
        AlertRules rules = rules(3);
        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.empty(), rules.sessionEnded(EndReason.LOGOUT, T0.plusSeconds(i * 21L)));
        }
        assertEquals(Optional.empty(), rules(0).sessionEnded(EndReason.KILLED, T0), "0 turns the rule off");
    }

    @Test
    void aStoreDownFiresAfterItsBoundOnceAndItsRecoveryOnce() {
        AlertRules rules = rules(100);
        assertEquals(List.of(), rules.stores(Optional.of(false), true, T0));
        assertEquals(List.of(), rules.stores(Optional.of(false), true, T0.plusSeconds(29)));
        List<AlertRules.Firing> down = rules.stores(Optional.of(false), true, T0.plusSeconds(30));
        assertEquals(1, down.size());
        assertEquals(Kind.REDIS_DOWN, down.get(0).kind());
        assertTrue(down.get(0).summary().contains("30 s"), down.get(0).summary());
        assertEquals(List.of(), rules.stores(Optional.of(false), true, T0.plusSeconds(300)), "reported once");
        assertEquals(Kind.REDIS_RECOVERED, rules.stores(Optional.of(true), true, T0.plusSeconds(301)).get(0).kind());
        assertEquals(List.of(), rules.stores(Optional.of(true), true, T0.plusSeconds(302)));
    }

    @Test
    void aBlipShorterThanTheBoundFiresNothingNotEvenARecovery() {
        AlertRules rules = rules(100);
        assertEquals(List.of(), rules.stores(Optional.of(true), false, T0));
        assertEquals(List.of(), rules.stores(Optional.of(true), false, T0.plusSeconds(9)));
        assertEquals(List.of(), rules.stores(Optional.of(true), true, T0.plusSeconds(10)));
        assertEquals(List.of(), rules.stores(Optional.of(true), false, T0.plusSeconds(11)), "the bound counts from the new outage");
        assertEquals(Kind.DATABASE_DOWN, rules.stores(Optional.empty(), false, T0.plusSeconds(21)).get(0).kind());
        AlertRules.Firing recovered = rules.stores(Optional.empty(), true, T0.plusSeconds(22)).get(0);
        assertEquals(Kind.DATABASE_RECOVERED, recovered.kind());
        assertEquals(Severity.INFO, recovered.severity());
    }

    @Test
    void retriesWaitLongerEachTimeUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(1), AlertRules.retryDelay(2));
        assertEquals(Duration.ofSeconds(2), AlertRules.retryDelay(3));
        assertEquals(Duration.ofSeconds(64), AlertRules.retryDelay(8));
        assertEquals(Duration.ofMinutes(5), AlertRules.retryDelay(40));
    }

    @Test
    void negativeThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AlertRules.Settings(Set.of(), -1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }
}
