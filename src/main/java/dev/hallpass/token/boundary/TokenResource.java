package dev.hallpass.token.boundary;

import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.token.boundary.RefreshCookie;
import dev.hallpass.web.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Access tokens for the caller's session. */
@ApplicationScoped
@Path("auth/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    CurrentSession current;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RefreshCookie refreshCookie;

    @Inject
    HttpServletRequest request;

    /** For the browser holding the session cookie: the refresh token goes into its own HttpOnly cookie. */
    @POST
    @Authenticated
    public Response issue() {
        TokenPair pair = refreshTokens.issue(current.require());
        return Response.ok(TokenResponse.bearer(pair.access()))
                .header(HttpHeaders.SET_COOKIE, refreshCookie.issue(pair, request)).build();
    }
}
