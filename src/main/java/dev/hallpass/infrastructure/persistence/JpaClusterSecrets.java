package dev.hallpass.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Secrets every node must share and that nobody configured: the first node to need one stores a new
 * random value, every other node reads that one. A racing insert loses to the row already there.
 */
@ApplicationScoped
public class JpaClusterSecrets {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Inject
    JpaClusterSecrets self;

    /** The secret named {@code name}, made by {@code generate} if no node has made it yet. */
    public String getOrCreate(String name, Supplier<String> generate) {
        Optional<String> existing = self.find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            self.insert(name, generate.get());
        } catch (RuntimeException lostTheRace) {
            // another node inserted it first: theirs is the one everybody uses
        }
        return self.find(name).orElseThrow(() -> new IllegalStateException("could not store cluster secret " + name));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> find(String name) {
        List<?> found = em.createNativeQuery("select secret_value from hp_cluster_secret where secret_name = ?1")
                .setParameter(1, name).getResultList();
        return found.stream().findFirst().map(Object::toString);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String name, String value) {
        em.createNativeQuery("insert into hp_cluster_secret (secret_name, secret_value) values (?1, ?2)")
                .setParameter(1, name).setParameter(2, value).executeUpdate();
    }
}
