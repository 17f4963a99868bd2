package dev.hallpass.token.boundary;

import dev.hallpass.problem.ProblemException;
import dev.hallpass.token.control.RefreshFamily;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * For resource servers, authenticated with HTTP Basic client credentials: RFC 7662 introspection
 * ({@code /api/auth/introspect}) and RFC 7009 revocation ({@code /api/auth/revoke}).
 */
@ApplicationScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceServerResource {

    @Inject
    TokenIntrospection introspection;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    HttpServletRequest request;

    @Inject
    TokenClients clients;

    @POST
    @Path("introspect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject introspect(@FormParam("token") String token) {
        requireClient();
        return introspection.introspect(token);
    }

    /**
     * Revokes a refresh token's whole family; 200 whether or not the token was valid (RFC 7009). A client
     * without credentials (a SPA, a mobile app) may revoke a refresh token it holds: holding it is the proof.
     */
    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("token") String token) {
        boolean ownRefreshToken = token != null && token.startsWith(RefreshFamily.PREFIX);
        if (!ownRefreshToken || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            requireClient();
        }
        if (token != null && !token.startsWith(RefreshFamily.PREFIX) && token.chars().filter(c -> c == '.').count() == 2) {
            throw new UnsupportedTokenType();
        }
        refreshTokens.revoke(token);
        return Response.ok().build();
    }

    private void requireClient() {
        clients.require(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /** Access tokens expire by themselves; revoke the refresh token or log out to end them early. */
    static final class UnsupportedTokenType extends ProblemException {
        UnsupportedTokenType() {
            super(400, "unsupported-token-type");
        }

        @Override
        public String errorCode() {
            return "unsupported_token_type";
        }
    }
}
