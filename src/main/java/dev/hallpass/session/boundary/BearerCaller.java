package dev.hallpass.session.boundary;

import java.util.Set;

/** Who a valid bearer access token says is calling, and for which session: what the session side needs of a token. */
public record BearerCaller(String username, Set<String> roles, String sessionHandle) {

    public BearerCaller {
        roles = Set.copyOf(roles);
    }
}
