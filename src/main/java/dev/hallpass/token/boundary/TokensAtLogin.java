package dev.hallpass.token.boundary;

import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.login.LoginTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The tokens a login with {@code "tokens": true} answers with: a new refresh family for the session. */
@ApplicationScoped
public class TokensAtLogin implements LoginTokens {

    @Inject
    RefreshTokens refreshTokens;

    @Override
    public JsonObject issue(ActiveSession session) {
        TokenResponse tokens = TokenResponse.withRefresh(refreshTokens.issue(session));
        JsonObjectBuilder json = Json.createObjectBuilder().add("access_token", tokens.access_token())
                .add("token_type", tokens.token_type()).add("expires_in", tokens.expires_in());
        return json.add("refresh_token", tokens.refresh_token()).build();
    }
}
