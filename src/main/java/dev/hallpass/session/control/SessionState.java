package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable copy of what a session check needs (with the client it was last seen from), safe to share between threads and to keep in the
 * local cache and Redis. Never holds the secret, only its hash.
 */
public record SessionState(String handle, String secretHash, String username, Set<String> roles, Instant createdAt,
                           Instant lastSeenAt, Instant idleExpiresAt, Instant absoluteExpiresAt, boolean rememberMe,
                           SessionStatus status, String ipAddress, String userAgent, Instant secretIssuedAt,
                           boolean newSecretUsed) {

    public SessionState {
        roles = Set.copyOf(roles);
        ipAddress = ipAddress == null ? "" : ipAddress;
        userAgent = userAgent == null ? "" : userAgent;
        secretIssuedAt = secretIssuedAt == null ? createdAt : secretIssuedAt;
    }

    /** A session whose secret was never rotated: issued at login. */
    public SessionState(String handle, String secretHash, String username, Set<String> roles, Instant createdAt,
                        Instant lastSeenAt, Instant idleExpiresAt, Instant absoluteExpiresAt, boolean rememberMe,
                        SessionStatus status, String ipAddress, String userAgent) {
        this(handle, secretHash, username, roles, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, rememberMe,
                status, ipAddress, userAgent, createdAt, true);
    }

    public static SessionState of(Session session) {
        return new SessionState(session.handle(), session.secretHash(), session.username(), session.roles(),
                session.createdAt(), session.lastSeenAt(), session.idleExpiresAt(), session.absoluteExpiresAt(),
                session.rememberMe(), session.status(), session.ipAddress(), session.userAgent(), session.secretIssuedAt(),
                session.newSecretUsed());
    }

    /** The same session under a new secret, handed out at {@code at} and not used yet. */
    public SessionState withSecret(String newSecretHash, Instant at) {
        return new SessionState(handle, newSecretHash, username, roles, createdAt, lastSeenAt, idleExpiresAt,
                absoluteExpiresAt, rememberMe, status, ipAddress, userAgent, at, false);
    }

    /** Its current secret has been presented since it was handed out. */
    public SessionState secretUsed() {
        return new SessionState(handle, secretHash, username, roles, createdAt, lastSeenAt, idleExpiresAt,
                absoluteExpiresAt, rememberMe, status, ipAddress, userAgent, secretIssuedAt, true);
    }

    public boolean isActive() {
        return status == SessionStatus.ACTIVE;
    }

    /** The reason this session has run out at {@code now}, if it has; absolute wins over idle. */
    public Optional<EndReason> expiryAt(Instant now) {
        if (!now.isBefore(absoluteExpiresAt)) {
            return Optional.of(EndReason.ABSOLUTE_TIMEOUT);
        }
        if (!now.isBefore(idleExpiresAt)) {
            return Optional.of(EndReason.IDLE_TIMEOUT);
        }
        return Optional.empty();
    }

    public SessionState touched(Instant now, Instant newIdleExpiry) {
        return new SessionState(handle, secretHash, username, roles, createdAt, now, newIdleExpiry, absoluteExpiresAt,
                rememberMe, status, ipAddress, userAgent, secretIssuedAt, newSecretUsed);
    }

    /** The same session, now seen from another client (binding {@code log}). */
    public SessionState seenFrom(String newIpAddress, String newUserAgent) {
        return new SessionState(handle, secretHash, username, roles, createdAt, lastSeenAt, idleExpiresAt,
                absoluteExpiresAt, rememberMe, status, newIpAddress, newUserAgent, secretIssuedAt, newSecretUsed);
    }
}
