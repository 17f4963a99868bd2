package dev.hallpass.token.boundary;

import java.time.Instant;
import java.util.Set;

/** What a valid access token says: who, with which roles, in which session, until when. */
public record VerifiedAccessToken(String username, Set<String> roles, String sessionHandle, String jwtId, Instant expiresAt) {

    public VerifiedAccessToken {
        roles = Set.copyOf(roles);
    }
}
