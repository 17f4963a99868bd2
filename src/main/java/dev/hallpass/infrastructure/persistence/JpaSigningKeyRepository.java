package dev.hallpass.infrastructure.persistence;

import dev.hallpass.token.control.SigningKeyRepository;
import dev.hallpass.token.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Signing keys in the database, shared by every node. */
@ApplicationScoped
@Transactional
public class JpaSigningKeyRepository implements SigningKeyRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    @Transactional
    public List<SigningKey> findPublished(Instant now) {
        return em.createQuery("select k from SigningKey k where k.publishedUntil > :now order by k.createdAt desc",
                        SigningKey.class)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public void add(SigningKey key) {
        em.persist(key);
    }

    @Override
    public int retire(Instant now, boolean unpublish, String keep) {
        int changed = em.createQuery("update SigningKey k set k.signsUntil = :now where k.signsUntil > :now and k.kid <> :keep")
                .setParameter("now", now).setParameter("keep", keep).executeUpdate();
        if (unpublish) {
            changed = Math.max(changed, em.createQuery("update SigningKey k set k.publishedUntil = :now "
                    + "where k.publishedUntil > :now and k.kid <> :keep")
                    .setParameter("now", now).setParameter("keep", keep).executeUpdate());
        }
        return changed;
    }
}
