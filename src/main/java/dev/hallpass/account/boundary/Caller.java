package dev.hallpass.account.boundary;

import java.util.Set;

/** Who proved their identity, and the roles they hold now. */
public record Caller(String username, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
