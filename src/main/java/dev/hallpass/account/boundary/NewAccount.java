package dev.hallpass.account.boundary;

import java.util.Set;

/** A checked request to create an account (username canonical, roles valid). */
public record NewAccount(String username, String password, Set<String> roles) {

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", roles=" + roles + "]";
    }
}
