package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The Redis form of a session: one short line, {@code 1|handle|hash|user|roles|created|lastSeen|idle|absolute|rememberMe}
 * with times in epoch microseconds. Every field is restricted to characters other than {@code |} and
 * {@code ,} by the rules that admit it. {@link #TOMBSTONE} marks a session that ended.
 */
final class SessionStateCodec {

    static final String TOMBSTONE = "X";
    private static final String VERSION = "1";

    private SessionStateCodec() {
    }

    static String encode(SessionState s) {
        return String.join("|", VERSION, s.handle(), s.secretHash(), s.username(), String.join(",", s.roles()),
                micros(s.createdAt()), micros(s.lastSeenAt()), micros(s.idleExpiresAt()), micros(s.absoluteExpiresAt()),
                s.rememberMe() ? "1" : "0");
    }

    /** The active session encoded in {@code value}; empty for anything else (an old format is just a miss). */
    static Optional<SessionState> decode(String value) {
        String[] f = value.split("\\|", -1);
        if (f.length != 10 || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        Set<String> roles = f[4].isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f[4].split(",")));
        return Optional.of(new SessionState(f[1], f[2], f[3], roles, instant(f[5]), instant(f[6]), instant(f[7]),
                instant(f[8]), "1".equals(f[9]), SessionStatus.ACTIVE));
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static Instant instant(String micros) {
        return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    }
}
