package dev.hallpass.account.control;

import dev.hallpass.account.entity.Account;
import java.util.Optional;

/** The accounts; implemented with JPA in infrastructure. */
public interface AccountRepository {

    Optional<Account> findByUsername(String canonicalUsername);

    /** Stores a new account; {@link DuplicateUsername} when the name is taken, even by a racing insert. */
    Account add(Account account);

    void replacePasswordHash(long accountId, String newHash);
}
