package dev.hallpass.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.account.control.AccountRepository;
import dev.hallpass.account.control.InTransaction;
import dev.hallpass.account.control.PasswordHasher;
import dev.hallpass.account.control.PasswordPolicy;
import dev.hallpass.account.entity.Account;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    final CountingHasher hasher = new CountingHasher();
    final Map<String, Account> accounts = new HashMap<>();
    AccountService service;

    @BeforeEach
    void setUp() {
        service = new AccountService();
        service.hasher = hasher;
        service.passwordPolicy = new PasswordPolicy(12);
        service.inTransaction = new InTransaction();
        service.clock = Clock.systemUTC();
        service.accounts = new AccountRepository() {
            @Override
            public Optional<Account> findByUsername(String name) {
                return Optional.ofNullable(accounts.get(name));
            }

            @Override
            public Optional<Account> findForChange(String name) {
                return findByUsername(name);
            }

            @Override
            public Account add(Account account) {
                accounts.put(account.username(), account);
                return account;
            }

            @Override
            public void replacePasswordHash(long id, String hash) {
                throw new AssertionError("no rehash expected");
            }

            @Override
            public void remove(Account account) {
                accounts.remove(account.username());
            }

            @Override
            public List<Account> search(String prefix, int offset, int limit) {
                return accounts.values().stream().filter(a -> a.username().startsWith(prefix))
                        .sorted(Comparator.comparing(Account::username)).skip(offset).limit(limit).toList();
            }

            @Override
            public long count(String prefix) {
                return search(prefix, 0, Integer.MAX_VALUE).size();
            }
        };
        service.create(new NewAccount("ivy", "a long enough password", Set.of("user")));
        hasher.derivations = 0;
    }

    @Test
    void anUnknownUserCostsTheSameHashComputationAsAWrongPassword() {
        assertTrue(service.authenticate(new Credentials("nobody", "whatever it is")).isEmpty());
        assertEquals(1, hasher.derivations);

        assertTrue(service.authenticate(new Credentials("ivy", "the wrong password")).isEmpty());
        assertEquals(2, hasher.derivations);
    }

    @Test
    void theRightPasswordAuthenticatesWhateverTheUsernamesCase() {
        Optional<Caller> caller = service.authenticate(new Credentials(" IVY ", "a long enough password"));

        assertEquals("ivy", caller.orElseThrow().username());
        assertEquals(Set.of("user"), caller.orElseThrow().roles());
    }

    /** Counts PBKDF2 derivations, the expensive step whose count must not depend on the username. */
    static final class CountingHasher extends PasswordHasher {
        int derivations;

        CountingHasher() {
            super(1_000);
        }

        @Override
        public boolean verify(String password, String encoded) {
            derivations++;
            return super.verify(password, encoded);
        }
    }
}
