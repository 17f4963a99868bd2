package dev.hallpass.infrastructure.persistence;

import dev.hallpass.token.control.RefreshTokenRepository;
import dev.hallpass.token.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Refresh tokens in the database; rotation is one conditional update, so it is race-free across nodes. */
@ApplicationScoped
@Transactional
public class JpaRefreshTokenRepository implements RefreshTokenRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    @Transactional
    public Optional<RefreshToken> find(String tokenHash) {
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", tokenHash)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public void add(RefreshToken token) {
        em.persist(token);
    }

    @Override
    public boolean rotate(String tokenHash, Instant at, String successorEncrypted, RefreshToken successor) {
        int spent = em.createQuery("update RefreshToken t set t.status = :rotated, t.rotatedAt = :at, "
                        + "t.successorEncrypted = :successor where t.tokenHash = :hash and t.status = :active")
                .setParameter("rotated", RefreshToken.Status.ROTATED)
                .setParameter("at", at)
                .setParameter("successor", successorEncrypted)
                .setParameter("hash", tokenHash)
                .setParameter("active", RefreshToken.Status.ACTIVE)
                .executeUpdate();
        if (spent == 0) {
            return false;
        }
        // Only the newest rotation needs its successor for the grace window; older ones are wiped.
        em.createQuery("update RefreshToken t set t.successorEncrypted = null where t.familyId = :family "
                        + "and t.tokenHash <> :hash and t.successorEncrypted is not null")
                .setParameter("family", successor.familyId())
                .setParameter("hash", tokenHash)
                .executeUpdate();
        em.persist(successor);
        return true;
    }

    @Override
    public int revokeFamily(String familyId) {
        return revokeWhere("familyId", familyId);
    }

    @Override
    public int revokeSession(String sessionHandle) {
        return revokeWhere("sessionHandle", sessionHandle);
    }

    /** {@code attribute} is one of this class's constants, never input. */
    private int revokeWhere(String attribute, String value) {
        return em.createQuery("update RefreshToken t set t.status = :revoked, t.successorEncrypted = null "
                        + "where t." + attribute + " = :value and t.status <> :revoked")
                .setParameter("revoked", RefreshToken.Status.REVOKED)
                .setParameter("value", value)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code limit} tokens that expired before {@code cutoff} (spent ones included: past
     * its expiry a token is refused as expired, so it is no longer needed to recognise a reuse).
     */
    public int deleteExpiredBefore(Instant cutoff, int limit) {
        List<String> hashes = em.createQuery("select t.tokenHash from RefreshToken t where t.expiresAt < :cutoff", String.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        return hashes.isEmpty() ? 0 : em.createQuery("delete from RefreshToken t where t.tokenHash in :hashes")
                .setParameter("hashes", hashes).executeUpdate();
    }

    /** Wipes the successors of rotations older than {@code cutoff}: past the grace window nobody may have them again. */
    public int clearSuccessorsRotatedBefore(Instant cutoff) {
        return em.createQuery("update RefreshToken t set t.successorEncrypted = null "
                        + "where t.successorEncrypted is not null and t.rotatedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
