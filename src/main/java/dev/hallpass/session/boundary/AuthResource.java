package dev.hallpass.session.boundary;

import dev.hallpass.infrastructure.web.Authenticated;
import dev.hallpass.infrastructure.web.CurrentSession;
import dev.hallpass.infrastructure.web.SessionCookie;
import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.token.boundary.RefreshTokens;
import dev.hallpass.token.boundary.TokenResponse;
import dev.hallpass.token.boundary.VerifiedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Cookie-session login, "who am I" and logout. Application-scoped: the container then creates and
 * injects it once, not on every request.
 */
@ApplicationScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    CurrentSession current;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    HttpServletRequest request;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest body) {
        LoginRequest login = LoginRequest.require(body);
        boolean rememberMe = login.remembered();
        boolean wantsTokens = login.wantsTokens();
        StartedSession started = sessions.login(login.credentials(), rememberMe,
                new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)), cookie.read(request));
        MeResponse me = MeResponse.of(started.session());
        if (wantsTokens) {
            me = me.withTokens(TokenResponse.withRefresh(refreshTokens.issue(started.session())));
        }
        return Response.ok(me).header(HttpHeaders.SET_COOKIE, cookie.issue(started)).build();
    }

    @GET
    @Path("me")
    @Authenticated
    public MeResponse me() {
        return current.get().map(MeResponse::of)
                .or(() -> current.bearer().map(token -> MeResponse.of(token.username(), token.roles(), token.sessionHandle())))
                .orElseThrow(Unauthenticated::new);
    }

    /** Whether the caller is logged in, without a 401 for the answer "no" (for pages and SPAs). */
    @GET
    @Path("status")
    public AuthStatus status() {
        return current.get().map(AuthStatus::of)
                .or(() -> current.bearer().map(token -> new AuthStatus(true, token.username(), null)))
                .orElse(AuthStatus.ANONYMOUS);
    }

    /** Logs the caller out on every device: every session, every refresh and access token. */
    @POST
    @Path("logout-all")
    @Authenticated
    public Response logoutAll() {
        String username = current.get().map(ActiveSession::username)
                .or(() -> current.bearer().map(VerifiedAccessToken::username))
                .orElseThrow(Unauthenticated::new);
        sessions.logoutAll(username);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        cookie.read(request).ifPresent(sessions::logout);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }
}
