package dev.hallpass.account.control;

import dev.hallpass.account.entity.Account;
import java.util.List;
import java.util.Optional;

/** The accounts; implemented with JPA in infrastructure. */
public interface AccountRepository {

    Optional<Account> findByUsername(String canonicalUsername);

    /**
     * The account, its row locked until the transaction ends: a login of this account that is about to
     * store its session waits, and then sees the change (see {@code SessionStore.create}).
     */
    Optional<Account> findForChange(String canonicalUsername);

    /** Stores a new account; {@link DuplicateUsername} when the name is taken, even by a racing insert. */
    Account add(Account account);

    void replacePasswordHash(long accountId, String newHash);

    /** Deletes the account (and its roles); in the caller's transaction, after everything kept for it was erased. */
    void remove(Account account);

    /** Accounts whose name starts with {@code prefix} (canonical; empty: all), by name. */
    List<Account> search(String prefix, int offset, int limit);

    long count(String prefix);
}
