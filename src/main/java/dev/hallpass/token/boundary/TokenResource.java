package dev.hallpass.token.boundary;

import dev.hallpass.infrastructure.web.Authenticated;
import dev.hallpass.infrastructure.web.CurrentSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Access tokens for the caller's session. */
@ApplicationScoped
@Path("auth/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    AccessTokens tokens;

    @Inject
    CurrentSession current;

    @POST
    @Authenticated
    public TokenResponse issue() {
        return TokenResponse.bearer(tokens.mint(current.require()));
    }
}
