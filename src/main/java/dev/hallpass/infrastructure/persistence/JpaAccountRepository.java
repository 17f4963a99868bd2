package dev.hallpass.infrastructure.persistence;

import dev.hallpass.account.control.AccountRepository;
import dev.hallpass.account.control.DuplicateUsername;
import dev.hallpass.account.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Accounts in the database. */
@ApplicationScoped
@Transactional
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    @Transactional
    public Optional<Account> findByUsername(String canonicalUsername) {
        return em.createQuery("select a from Account a where a.username = :username", Account.class)
                .setParameter("username", canonicalUsername)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public Optional<Account> findForChange(String canonicalUsername) {
        boolean exists = !em.createNativeQuery("select id from hp_account where username = ?1 for update")
                .setParameter(1, canonicalUsername)
                .getResultList().isEmpty();
        // read again after the lock: an entity this transaction loaded before would be stale
        return exists ? findByUsername(canonicalUsername).map(account -> {
            em.refresh(account);
            return account;
        }) : Optional.empty();
    }

    @Override
    public Account add(Account account) {
        if (findByUsername(account.username()).isPresent()) {
            throw new DuplicateUsername(account.username());
        }
        try {
            em.persist(account);
            em.flush();
            return account;
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw new DuplicateUsername(account.username());
            }
            throw e;
        }
    }

    @Override
    public void replacePasswordHash(long accountId, String newHash) {
        Account account = em.find(Account.class, accountId);
        if (account != null) {
            account.replacePasswordHash(newHash);
        }
    }

    @Override
    public void remove(Account account) {
        em.remove(account);
        em.flush(); // now, so a failure is the erasure's, not the commit's
    }

    @Override
    @Transactional
    public List<Account> search(String prefix, int offset, int limit) {
        return em.createQuery("select a from Account a where a.username like :prefix escape '!' order by a.username", Account.class)
                .setParameter("prefix", JpqlConditions.startingWith(prefix))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    @Transactional
    public long count(String prefix) {
        return em.createQuery("select count(a) from Account a where a.username like :prefix escape '!'", Long.class)
                .setParameter("prefix", JpqlConditions.startingWith(prefix))
                .getSingleResult();
    }
}
