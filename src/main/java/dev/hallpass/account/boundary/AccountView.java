package dev.hallpass.account.boundary;

import dev.hallpass.account.entity.Account;
import java.time.Instant;
import java.util.List;

/** What the API shows of an account: never its password hash. */
public record AccountView(String username, List<String> roles, boolean enabled, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.roles().stream().sorted().toList(),
                account.isEnabled(), account.createdAt());
    }
}
