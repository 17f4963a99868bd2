package dev.hallpass.token.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token, stored by the hash of its value. Tokens of one family follow each other by
 * rotation; {@code successorEncrypted} holds the next token's value (encrypted) only so that an
 * honest race within the grace window can be answered with the same new token.
 */
@Entity
@Table(name = "hp_refresh_token")
public class RefreshToken {

    public enum Status { ACTIVE, ROTATED, REVOKED }

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false, length = 32)
    private String familyId;

    @Column(name = "session_handle", nullable = false, length = 32)
    private String sessionHandle;

    @Column(nullable = false, length = 64)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "successor_encrypted", length = 200)
    private String successorEncrypted;

    protected RefreshToken() {
        // for JPA
    }

    public RefreshToken(String tokenHash, String familyId, String sessionHandle, String username, Instant createdAt,
                        Instant expiresAt) {
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.familyId = Objects.requireNonNull(familyId, "familyId");
        this.sessionHandle = Objects.requireNonNull(sessionHandle, "sessionHandle");
        this.username = Objects.requireNonNull(username, "username");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.status = Status.ACTIVE;
    }

    /** A token as a store holds it in any state: for stores that keep rows without JPA (the tests' in-memory one). */
    public RefreshToken(String tokenHash, String familyId, String sessionHandle, String username, Instant createdAt,
                        Instant expiresAt, Status status, Instant rotatedAt, String successorEncrypted) {
        this(tokenHash, familyId, sessionHandle, username, createdAt, expiresAt);
        this.status = Objects.requireNonNull(status, "status");
        this.rotatedAt = rotatedAt;
        this.successorEncrypted = successorEncrypted;
    }

    public String tokenHash() { return tokenHash; }
    public String familyId() { return familyId; }
    public String sessionHandle() { return sessionHandle; }
    public String username() { return username; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant rotatedAt() { return rotatedAt; }
    public String successorEncrypted() { return successorEncrypted; }
}
