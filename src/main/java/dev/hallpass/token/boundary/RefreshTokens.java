package dev.hallpass.token.boundary;

import dev.hallpass.audit.boundary.Anomalies;
import dev.hallpass.audit.boundary.ClientInfo;
import dev.hallpass.audit.boundary.SecurityEvents;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.SessionEnded;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.token.control.KeyEncryption;
import dev.hallpass.token.control.RefreshTokenRepository;
import dev.hallpass.token.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rotating refresh tokens: opaque ({@code hpr_} + 256 random bits), stored hashed, in a family
 * that belongs to one session, spent on every use. A spent token used again within the grace window
 * (two tabs refreshing at once) gets the same successor back; used later, it is taken as theft:
 * the family and its session are revoked and a security event is recorded.
 */
@ApplicationScoped
public class RefreshTokens {

    static final String PREFIX = "hpr_";

    @Inject
    RefreshTokenRepository repository;

    @Inject
    AccessTokens accessTokens;

    @Inject
    SessionService sessions;

    @Inject
    SecurityEvents events;

    @Inject
    Anomalies anomalies;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.token.refresh-ttl", defaultValue = "P7D")
    Duration refreshTtl;

    @Inject
    @ConfigProperty(name = "hallpass.token.refresh-grace", defaultValue = "PT10S")
    Duration grace;

    /** A new family for the session: an access token and its first refresh token. */
    public TokenPair issue(ActiveSession session) {
        String secret = newSecret();
        Instant now = clock.instant();
        RefreshToken first = new RefreshToken(hash(secret), SessionSecrets.newHandle(), session.handle(), session.username(),
                now, expiry(now, session));
        repository.add(first);
        return new TokenPair(accessTokens.mint(session), secret, first.expiresAt());
    }

    /** Spends the token and returns the next pair; {@link InvalidGrant} for anything but a live token. */
    public TokenPair refresh(String presented, ClientInfo client) {
        if (presented == null || !presented.startsWith(PREFIX) || SessionSecrets.parse(presented.substring(PREFIX.length())).isEmpty()) {
            throw new InvalidGrant(InvalidGrant.Reason.MALFORMED);
        }
        String tokenHash = hash(presented);
        RefreshToken token = repository.find(tokenHash).orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.UNKNOWN));
        Instant now = clock.instant();
        if (token.status() == RefreshToken.Status.ACTIVE) {
            ActiveSession session = liveSession(token, now);
            String next = newSecret();
            RefreshToken successor = new RefreshToken(hash(next), token.familyId(), token.sessionHandle(), token.username(),
                    now, expiry(now, session));
            if (repository.rotate(tokenHash, now, successorKey(presented).encrypt(next, tokenHash), successor)) {
                anomalies.refreshed(token.familyId(), token.username(), token.sessionHandle(), client);
                return new TokenPair(accessTokens.mint(session), next, successor.expiresAt());
            }
            token = repository.find(tokenHash).orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.UNKNOWN));
        }
        if (token.status() == RefreshToken.Status.ROTATED && token.successorEncrypted() != null
                && !now.isAfter(token.rotatedAt().plus(grace))) {
            ActiveSession session = liveSession(token, now);
            String successor = unwrapSuccessor(presented, token.successorEncrypted(), tokenHash);
            Instant successorExpiry = repository.find(hash(successor)).map(RefreshToken::expiresAt).orElse(now);
            return new TokenPair(accessTokens.mint(session), successor, successorExpiry);
        }
        if (token.status() == RefreshToken.Status.ROTATED) {
            theft(token, client);
            throw new InvalidGrant(InvalidGrant.Reason.REUSED);
        }
        throw new InvalidGrant(InvalidGrant.Reason.REVOKED);
    }

    /**
     * The key that wraps a spent token's successor for the grace window: derived from the spent token
     * itself, which the database holds only as a hash. Only a client that presents the spent token can
     * unwrap its successor; a copy of the database (with or without the key-encryption key) yields no
     * live refresh token (review M7).
     */
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
            // wrapped before an upgrade with the key-encryption key: treat it as gone, not as a theft
            throw new InvalidGrant(InvalidGrant.Reason.REVOKED);
        }
    }

    /** The token's record if it is live now (active, unexpired, its session live); for introspection. */
    public Optional<RefreshToken> active(String presented) {
        Instant now = clock.instant();
        return repository.find(hash(presented))
                .filter(token -> token.status() == RefreshToken.Status.ACTIVE && now.isBefore(token.expiresAt()))
                .filter(token -> sessions.active(token.sessionHandle()).isPresent());
    }

    /** Revokes the token's whole family; unknown tokens are ignored. */
    public void revoke(String presented) {
        if (presented != null) {
            repository.find(hash(presented)).ifPresent(token -> repository.revokeFamily(token.familyId()));
        }
    }

    private ActiveSession liveSession(RefreshToken token, Instant now) {
        if (!now.isBefore(token.expiresAt())) {
            throw new InvalidGrant(InvalidGrant.Reason.EXPIRED);
        }
        return sessions.useByHandle(token.sessionHandle())
                .orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.SESSION_ENDED));
    }

    private void theft(RefreshToken token, ClientInfo client) {
        repository.revokeFamily(token.familyId());
        sessions.end(token.sessionHandle(), EndReason.REFRESH_TOKEN_REUSE);
        events.record(SecurityEvent.Type.REFRESH_TOKEN_REUSE, token.username(), token.sessionHandle(), client,
                "a refresh token spent at " + token.rotatedAt() + " was used again; family and session revoked");
    }

    void onSessionEnded(@Observes SessionEnded ended) {
        repository.revokeSession(ended.handle());
    }

    private Instant expiry(Instant now, ActiveSession session) {
        Instant expiry = now.plus(refreshTtl);
        return expiry.isAfter(session.absoluteExpiresAt()) ? session.absoluteExpiresAt() : expiry;
    }

    private static String newSecret() {
        return PREFIX + SessionSecrets.newSecret();
    }

    private static String hash(String token) {
        return SessionSecrets.hash(token);
    }
}
