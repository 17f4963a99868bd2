package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The Redis form of a session: one short line, {@code 4|seal|confirmed|handle|hash|user|roles|created|lastSeen|idle|
 * absolute|rememberMe|secretIssued|newSecretUsed|ip|userAgent}, times in epoch microseconds, {@code seal} the {@link CacheSeal} MAC of
 * everything after it. Every field but the last is restricted to characters other than {@code |} and {@code ,} by
 * the rules that admit it; the user agent comes last, so whatever it holds stays in it. {@link #TOMBSTONE} marks a
 * session that ended, {@link #REPLACED} one that a new login replaced (its reuse is a fixation attempt). Neither
 * needs a seal: whoever writes one can only end a session, which deleting the key would do as well.
 */
final class SessionStateCodec {

    static final String TOMBSTONE = "X";
    static final String REPLACED = "R";
    private static final String VERSION = "4";
    private static final int FIELDS = 16;

    private final CacheSeal seal;

    SessionStateCodec(CacheSeal seal) {
        this.seal = seal;
    }

    String encode(CachedSession cached) {
        SessionState s = cached.session();
        String payload = String.join("|", micros(cached.confirmedAt()), s.handle(), s.secretHash(), s.username(),
                String.join(",", s.roles()), micros(s.createdAt()), micros(s.lastSeenAt()), micros(s.idleExpiresAt()),
                micros(s.absoluteExpiresAt()), s.rememberMe() ? "1" : "0", micros(s.secretIssuedAt()),
                s.newSecretUsed() ? "1" : "0", s.ipAddress(), s.userAgent());
        return VERSION + "|" + seal.of(payload) + "|" + payload;
    }

    /**
     * The active session stored under {@code secretHash}; empty for anything else: an old format, a seal that
     * does not match (forged or edited), an entry copied under another session's key.
     */
    Optional<CachedSession> decode(String value, String secretHash) {
        String[] f = value.split("\\|", FIELDS);
        if (f.length != FIELDS || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        String payload = value.substring(f[0].length() + f[1].length() + 2);
        if (!seal.matches(payload, f[1]) || !f[4].equals(secretHash)) {
            return Optional.empty();
        }
        try {
            Set<String> roles = f[6].isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f[6].split(",")));
            SessionState session = new SessionState(f[3], f[4], f[5], roles, instant(f[7]), instant(f[8]), instant(f[9]),
                    instant(f[10]), "1".equals(f[11]), SessionStatus.ACTIVE, f[14], f[15], instant(f[12]), "1".equals(f[13]));
            return Optional.of(new CachedSession(session, instant(f[2])));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static Instant instant(String micros) {
        return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    }
}
