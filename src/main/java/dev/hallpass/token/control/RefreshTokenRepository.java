package dev.hallpass.token.control;

import dev.hallpass.token.entity.RefreshToken;
import java.time.Instant;
import java.util.Optional;

/** Refresh tokens; implemented with JPA in infrastructure. Every state change is conditional. */
public interface RefreshTokenRepository {

    Optional<RefreshToken> find(String tokenHash);

    void add(RefreshToken token);

    /**
     * Spends {@code tokenHash} and stores its successor, atomically and only if it was still active:
     * of two nodes rotating the same token at once, exactly one gets true.
     */
    boolean rotate(String tokenHash, Instant at, String successorEncrypted, RefreshToken successor);

    int revokeFamily(String familyId);

    int revokeSession(String sessionHandle);
}
