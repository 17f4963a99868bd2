package dev.hallpass.token.control;

import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.token.entity.RefreshToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rules of a refresh-token family, in one place and without a container: opaque tokens
 * ({@code hpr_} + 256 random bits) stored hashed, each spent on use.
 * <pre>
 *   ACTIVE ─refresh─► ROTATED, successor ACTIVE      (one conditional update: one winner across nodes)
 *   ROTATED ─used again within the grace window─► the same successor back (two tabs at once)
 *   ROTATED ─used again later─► theft: the caller revokes the family and ends the session
 *   REVOKED, expired, unknown, malformed, session ended ─► {@link InvalidGrant}
 * </pre>
 * A spent token's successor is kept for the grace window only, wrapped (AES-GCM) with a key derived
 * from the spent token itself, which the database holds only as a hash: a copy of the database yields
 * no live refresh token.
 *
 * @param <S> the live session a token belongs to, as the caller knows it
 */
public final class RefreshFamily<S> {

    public static final String PREFIX = "hpr_";

    /** What a refresh gave: the session it is for, the new (or, within grace, the same) next token and its expiry. */
    public record Next<S>(S session, String token, Instant expiresAt, RefreshToken spent, boolean rotated) {
    }

    private final RefreshTokenRepository repository;
    private final Clock clock;
    private final Duration ttl;
    private final Duration grace;
    private final Function<String, Optional<S>> liveSession;
    private final Function<S, Instant> absoluteExpiry;

    /**
     * {@code liveSession}: the session of a handle if it is live (and, for the caller, used now);
     * {@code absoluteExpiry}: past it no token of the session lives.
     */
    public RefreshFamily(RefreshTokenRepository repository, Clock clock, Duration ttl, Duration grace,
                         Function<String, Optional<S>> liveSession, Function<S, Instant> absoluteExpiry) {
        this.repository = repository;
        this.clock = clock;
        this.ttl = ttl;
        this.grace = grace;
        this.liveSession = liveSession;
        this.absoluteExpiry = absoluteExpiry;
    }

    /** A new family for a live session; returns its first token and that token's expiry. */
    public Next<S> start(String sessionHandle, String username, S session) {
        String secret = newSecret();
        Instant now = clock.instant();
        RefreshToken first = new RefreshToken(hash(secret), SessionSecrets.newHandle(), sessionHandle, username, now,
                expiry(now, session));
        repository.add(first);
        return new Next<>(session, secret, first.expiresAt(), null, false);
    }

    /**
     * Spends {@code presented} and returns what comes next; {@code onTheft} is called with the spent token
     * when a token is reused after the grace window, before {@link InvalidGrant} (REUSED) is thrown.
     */
    public Next<S> refresh(String presented, Consumer<RefreshToken> onTheft) {
        if (presented == null || !presented.startsWith(PREFIX) || SessionSecrets.parse(presented.substring(PREFIX.length())).isEmpty()) {
            throw new InvalidGrant(InvalidGrant.Reason.MALFORMED);
        }
        String tokenHash = hash(presented);
        RefreshToken token = repository.find(tokenHash).orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.UNKNOWN));
        Instant now = clock.instant();
        if (token.status() == RefreshToken.Status.ACTIVE) {
            S session = live(token, now);
            String next = newSecret();
            RefreshToken successor = new RefreshToken(hash(next), token.familyId(), token.sessionHandle(), token.username(),
                    now, expiry(now, session));
            if (repository.rotate(tokenHash, now, successorKey(presented).encrypt(next, tokenHash), successor)) {
                return new Next<>(session, next, successor.expiresAt(), token, true);
            }
            // another request rotated it a moment ago: read what it left
            token = repository.find(tokenHash).orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.UNKNOWN));
        }
        if (token.status() == RefreshToken.Status.ROTATED && token.successorEncrypted() != null
                && !now.isAfter(token.rotatedAt().plus(grace))) {
            S session = live(token, now);
            String successor = unwrapSuccessor(presented, token.successorEncrypted(), tokenHash);
            Instant successorExpiry = repository.find(hash(successor)).map(RefreshToken::expiresAt).orElse(now);
            return new Next<>(session, successor, successorExpiry, token, false);
        }
        if (token.status() == RefreshToken.Status.ROTATED) {
            onTheft.accept(token);
            throw new InvalidGrant(InvalidGrant.Reason.REUSED);
        }
        throw new InvalidGrant(InvalidGrant.Reason.REVOKED);
    }

    private S live(RefreshToken token, Instant now) {
        if (!now.isBefore(token.expiresAt())) {
            throw new InvalidGrant(InvalidGrant.Reason.EXPIRED);
        }
        return liveSession.apply(token.sessionHandle()).orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.SESSION_ENDED));
    }

    private Instant expiry(Instant now, S session) {
        Instant expiry = now.plus(ttl);
        Instant sessionEnd = absoluteExpiry.apply(session);
        return expiry.isAfter(sessionEnd) ? sessionEnd : expiry;
    }

    /** The key that wraps a spent token's successor: derived from the spent token, never stored. */
    private static KeyEncryption successorKey(String presented) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(presented.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return new KeyEncryption(mac.doFinal("hallpass refresh successor v2".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static String unwrapSuccessor(String presented, String wrapped, String tokenHash) {
        try {
            return successorKey(presented).decrypt(wrapped, tokenHash);
        } catch (IllegalStateException | IllegalArgumentException notOurs) {
            // wrapped before an upgrade, with the key-encryption key: gone, not a theft
            throw new InvalidGrant(InvalidGrant.Reason.REVOKED);
        }
    }

    public static String newSecret() {
        return PREFIX + SessionSecrets.newSecret();
    }

    public static String hash(String token) {
        return SessionSecrets.hash(token);
    }
}
