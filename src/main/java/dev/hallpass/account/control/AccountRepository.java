package dev.hallpass.account.control;

import dev.hallpass.account.entity.Account;
import java.util.List;
import java.util.Optional;

/** The accounts; implemented with JPA in infrastructure. */
public interface AccountRepository {

    Optional<Account> findByUsername(String canonicalUsername);

    /** Stores a new account; {@link DuplicateUsername} when the name is taken, even by a racing insert. */
    Account add(Account account);

    void replacePasswordHash(long accountId, String newHash);

    /** Accounts whose name starts with {@code prefix} (canonical; empty: all), by name. */
    List<Account> search(String prefix, int offset, int limit);

    long count(String prefix);
}
