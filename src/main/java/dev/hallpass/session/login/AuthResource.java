package dev.hallpass.session.login;

import dev.hallpass.account.boundary.Caller;
import dev.hallpass.client.ClientAddress;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.boundary.SessionCookie;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.boundary.StartedSession;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.web.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

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
    LoginService logins;

    @Inject
    ClientAddress clients;

    @Inject
    SessionCookie cookie;

    @Inject
    CurrentSession current;

    @Inject
    LoginTokens loginTokens;

    @Inject
    HttpServletRequest request;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest body) {
        LoginRequest login = LoginRequest.require(body);
        boolean rememberMe = login.remembered();
        boolean wantsTokens = login.wantsTokens();
        StartedSession started = logins.login(login.credentials(), rememberMe, clients.of(request), cookie.read(request));
        dropContainerSession();
        MeResponse me = MeResponse.of(started.session());
        if (wantsTokens) {
            me = me.withTokens(loginTokens.issue(started.session()));
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
        String username = current.requireUsername();
        sessions.logoutAll(username, current.handle().orElse(null), clients.of(request));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }

    /**
     * The user changes their own password (the current one required). Every session and token of the
     * account ends; this browser gets a new session with a new secret.
     */
    @PUT
    @Path("password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange body) {
        ActiveSession session = current.require();
        PasswordChange change = PasswordChange.require(body);
        ClientInfo client = clients.of(request);
        Caller caller = logins.changeOwnPassword(session.username(), change.currentPassword(), change.newPassword(), client);
        StartedSession started = logins.start(caller, session.rememberMe(), client, Optional.empty(), "password change");
        return Response.ok(MeResponse.of(started.session())).header(HttpHeaders.SET_COOKIE, cookie.issue(started)).build();
    }

    /**
     * Ends the caller's session, whether it came as the cookie or as a bearer access token (a token client
     * logging out): the session, its refresh tokens and its access tokens, on every node.
     */
    @POST
    @Path("logout")
    public Response logout() {
        cookie.read(request).ifPresent(sessions::logout);
        current.bearer().ifPresent(token -> sessions.end(token.sessionHandle(), EndReason.LOGOUT));
        dropContainerSession();
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }

    /**
     * A user switch through the API leaves nothing of the previous user's Faces state (view-scoped beans
     * live in the container's session) for the next one, as the Faces login and logout do (review L12).
     */
    private void dropContainerSession() {
        HttpSession container = request.getSession(false);
        if (container != null) {
            try {
                container.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // invalidated by a concurrent request: nothing left to drop
            }
        }
    }
}
