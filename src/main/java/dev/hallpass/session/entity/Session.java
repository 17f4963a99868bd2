package dev.hallpass.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The root of one login. The public {@code handle} names it everywhere (API, logs, console);
 * the cookie secret is never stored, only its hash, so a leaked table yields no usable cookie.
 */
@Entity
@Table(name = "hp_session")
public class Session {

    @Id
    @Column(length = 32)
    private String handle;

    @Column(name = "secret_hash", length = 64, nullable = false, unique = true)
    private String secretHash;

    /** The secret the last rotation replaced: accepted for a short overlap, then its use is theft. */
    @Column(name = "previous_secret_hash", length = 64, unique = true)
    private String previousSecretHash;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    /** Whether the secret the last rotation handed out has been presented since (a lost answer otherwise). */
    @Column(name = "new_secret_used", nullable = false)
    private boolean newSecretUsed = true;

    @Column(nullable = false, length = 64)
    private String username;

    /** Roles at login, space separated; a privilege change issues a new session. */
    @Column(nullable = false, length = 600)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "idle_expires_at", nullable = false)
    private Instant idleExpiresAt;

    @Column(name = "absolute_expires_at", nullable = false)
    private Instant absoluteExpiresAt;

    @Column(name = "remember_me", nullable = false)
    private boolean rememberMe;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    /** {@link Device#label()} of the user agent, stored for the console's device filter. */
    @Column(nullable = false, length = 64)
    private String device;

    /** The node the login happened on. */
    @Column(nullable = false, length = 64)
    private String node;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SessionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 32)
    private EndReason endReason;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected Session() {
        // for JPA
    }

    public Session(String handle, String secretHash, String username, Set<String> roles, Instant createdAt,
                   Instant idleExpiresAt, Instant absoluteExpiresAt, boolean rememberMe,
                   String ipAddress, String userAgent, String node) {
        this.handle = requireText(handle, "handle");
        this.secretHash = requireText(secretHash, "secretHash");
        this.username = requireText(username, "username");
        this.roles = String.join(" ", Objects.requireNonNull(roles, "roles"));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastSeenAt = createdAt;
        this.idleExpiresAt = Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        this.absoluteExpiresAt = Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        if (idleExpiresAt.isAfter(absoluteExpiresAt) || !createdAt.isBefore(idleExpiresAt)) {
            throw new IllegalArgumentException("expiry must lie after creation and idle expiry within absolute expiry");
        }
        this.rememberMe = rememberMe;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
        this.device = Device.of(userAgent).label();
        this.node = node == null ? "" : node;
        this.status = SessionStatus.ACTIVE;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public boolean isActive() {
        return status == SessionStatus.ACTIVE;
    }

    public String handle() { return handle; }
    public String secretHash() { return secretHash; }
    public String previousSecretHash() { return previousSecretHash; }
    /** When the current secret was handed out: at the last rotation, or at login. */
    public Instant secretIssuedAt() { return secretRotatedAt != null ? secretRotatedAt : createdAt; }
    public boolean newSecretUsed() { return newSecretUsed; }
    public String username() { return username; }
    public Set<String> roles() {
        return roles.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(" ")));
    }
    public Instant createdAt() { return createdAt; }
    public Instant lastSeenAt() { return lastSeenAt; }
    public Instant idleExpiresAt() { return idleExpiresAt; }
    public Instant absoluteExpiresAt() { return absoluteExpiresAt; }
    public boolean rememberMe() { return rememberMe; }
    public String ipAddress() { return ipAddress; }
    public String userAgent() { return userAgent; }
    public String device() { return device; }
    public String node() { return node; }
    public SessionStatus status() { return status; }
    public Optional<EndReason> endReason() { return Optional.ofNullable(endReason); }
    public Optional<Instant> endedAt() { return Optional.ofNullable(endedAt); }
}
