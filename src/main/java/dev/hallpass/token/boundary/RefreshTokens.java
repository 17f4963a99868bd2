package dev.hallpass.token.boundary;

import dev.hallpass.audit.boundary.Anomalies;
import dev.hallpass.audit.boundary.SecurityEvents;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.SessionEnded;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.token.control.InvalidGrant;
import dev.hallpass.token.control.RefreshFamily;
import dev.hallpass.token.control.RefreshTokenRepository;
import dev.hallpass.token.entity.RefreshToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rotating refresh tokens for sessions: the family rules are {@link RefreshFamily}'s; this adds what a
 * refresh means around them: an access token with each pair, the refresh-storm signal, and on theft
 * (a spent token reused after the grace window) the family and its session revoked and a security
 * event recorded.
 */
@ApplicationScoped
public class RefreshTokens {

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

    private RefreshFamily<ActiveSession> family;

    @PostConstruct
    void rules() {
        family = new RefreshFamily<>(repository, clock, refreshTtl, grace, sessions::useByHandle, ActiveSession::absoluteExpiresAt);
    }

    /** A new family for the session: an access token and its first refresh token. */
    public TokenPair issue(ActiveSession session) {
        RefreshFamily.Next<ActiveSession> first = family.start(session.handle(), session.username(), session);
        return new TokenPair(accessTokens.mint(session), first.token(), first.expiresAt());
    }

    /** Spends the token and returns the next pair; {@link InvalidGrant} for anything but a live token. */
    public TokenPair refresh(String presented, ClientInfo client) {
        RefreshFamily.Next<ActiveSession> next = family.refresh(presented, spent -> theft(spent, client));
        if (next.rotated()) {
            anomalies.refreshed(next.spent().familyId(), next.spent().username(), next.spent().sessionHandle(), client);
        }
        return new TokenPair(accessTokens.mint(next.session()), next.token(), next.expiresAt());
    }

    /** The token's record if it is live now (active, unexpired, its session live); for introspection. */
    public Optional<RefreshToken> active(String presented) {
        Instant now = clock.instant();
        return repository.find(RefreshFamily.hash(presented))
                .filter(token -> token.status() == RefreshToken.Status.ACTIVE && now.isBefore(token.expiresAt()))
                .filter(token -> sessions.active(token.sessionHandle()).isPresent());
    }

    /** Revokes the token's whole family; unknown tokens are ignored. */
    public void revoke(String presented) {
        if (presented != null) {
            repository.find(RefreshFamily.hash(presented)).ifPresent(token -> repository.revokeFamily(token.familyId()));
        }
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
}
