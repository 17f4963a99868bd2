package dev.hallpass.token.boundary;

import dev.hallpass.infrastructure.cache.EndedSessions;
import dev.hallpass.token.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** RFC 7662 answers: {@code {"active":false}} for anything revoked, expired, unknown or malformed. */
@ApplicationScoped
public class TokenIntrospection {

    static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    EndedSessions endedSessions;

    public JsonObject introspect(String token) {
        if (token == null || token.isBlank()) {
            return INACTIVE;
        }
        if (token.startsWith(RefreshTokens.PREFIX)) {
            return refreshTokens.active(token).map(TokenIntrospection::describe).orElse(INACTIVE);
        }
        return accessTokens.verify(token).filter(t -> !endedSessions.contains(t.sessionHandle()))
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
