package dev.hallpass.token.boundary;

import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.token.control.RefreshFamily;
import dev.hallpass.token.control.RevokedSessions;
import dev.hallpass.token.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * RFC 7662 answers: {@code {"active":false}} for anything revoked, expired, unknown or malformed; an access
 * token is active only while the database holds its session live.
 */
@ApplicationScoped
public class TokenIntrospection {

    static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RevokedSessions endedSessions;

    @Inject
    SessionService sessions;

    public JsonObject introspect(String token) {
        if (token == null || token.isBlank()) {
            return INACTIVE;
        }
        if (token.startsWith(RefreshFamily.PREFIX)) {
            return refreshTokens.active(token).map(TokenIntrospection::describe).orElse(INACTIVE);
        }
        // not a hot path: the database answers whether the token's session is still live
        return accessTokens.verify(token).filter(t -> !endedSessions.contains(t.sessionHandle()))
                .filter(t -> sessions.active(t.sessionHandle()).isPresent())
                .map(TokenIntrospection::describe).orElse(INACTIVE);
    }

    private static JsonObject describe(VerifiedAccessToken token) {
        return Json.createObjectBuilder()
                .add("active", true)
                .add("token_type", "access_token")
                .add("sub", token.username())
                .add("username", token.username())
                .add("sid", token.sessionHandle())
                .add("jti", token.jwtId())
                .add("exp", token.expiresAt().getEpochSecond())
                .add("groups", Json.createArrayBuilder(token.roles().stream().sorted().toList()))
                .build();
    }

    private static JsonObject describe(RefreshToken token) {
        return Json.createObjectBuilder()
                .add("active", true)
                .add("token_type", "refresh_token")
                .add("sub", token.username())
                .add("username", token.username())
                .add("sid", token.sessionHandle())
                .add("iat", token.createdAt().getEpochSecond())
                .add("exp", token.expiresAt().getEpochSecond())
                .build();
    }
}
