package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The Redis form of a session: one short line,
 * {@code 2|handle|hash|user|roles|created|lastSeen|idle|absolute|rememberMe|ip|userAgent} with times in epoch
 * microseconds. Every field but the last is restricted to characters other than {@code |} and {@code ,} by the
 * rules that admit it; the user agent comes last, so whatever it holds stays in it. {@link #TOMBSTONE} marks a
 * session that ended, {@link #REPLACED} one that a new login replaced (its reuse is a fixation attempt).
 */
final class SessionStateCodec {

    static final String TOMBSTONE = "X";
    static final String REPLACED = "R";
    private static final String VERSION = "2";
    private static final int FIELDS = 12;

    private SessionStateCodec() {
    }

    static String encode(SessionState s) {
        return String.join("|", VERSION, s.handle(), s.secretHash(), s.username(), String.join(",", s.roles()),
                micros(s.createdAt()), micros(s.lastSeenAt()), micros(s.idleExpiresAt()), micros(s.absoluteExpiresAt()),
                s.rememberMe() ? "1" : "0", s.ipAddress(), s.userAgent());
    }

    /** The active session encoded in {@code value}; empty for anything else (an old format is just a miss). */
    static Optional<SessionState> decode(String value) {
        String[] f = value.split("\\|", FIELDS);
        if (f.length != FIELDS || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        Set<String> roles = f[4].isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f[4].split(",")));
        return Optional.of(new SessionState(f[1], f[2], f[3], roles, instant(f[5]), instant(f[6]), instant(f[7]),
                instant(f[8]), "1".equals(f[9]), SessionStatus.ACTIVE, f[10], f[11]));
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static Instant instant(String micros) {
        return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    }
}
