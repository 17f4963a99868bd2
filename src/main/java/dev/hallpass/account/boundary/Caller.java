package dev.hallpass.account.boundary;

import java.util.Set;

/**
 * Who proved their identity, the roles they hold now, and the account's generation when it was read: the
 * session is stored only if no change that ends sessions has committed since (see {@code Account#revokeSessions}).
 */
public record Caller(String username, Set<String> roles, long generation) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
