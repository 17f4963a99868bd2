package dev.hallpass.session.login;

import dev.hallpass.session.boundary.ActiveSession;
import jakarta.json.JsonObject;

/**
 * The port through which a login that asks for {@code "tokens": true} gets an access and a refresh token
 * for its new session; the token feature implements it.
 */
public interface LoginTokens {

    /** {@code {"access_token","token_type","expires_in","refresh_token"}} for the session. */
    JsonObject issue(ActiveSession session);
}
