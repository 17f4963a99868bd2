package dev.hallpass.session.boundary;

import dev.hallpass.infrastructure.web.Authenticated;
import dev.hallpass.infrastructure.web.CurrentSession;
import dev.hallpass.infrastructure.web.SessionCookie;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cookie-session login, "who am I" and logout. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    CurrentSession current;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest body) {
        LoginRequest login = LoginRequest.require(body);
        boolean rememberMe = login.remembered();
        StartedSession started = sessions.login(login.credentials(), rememberMe,
                new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)), cookie.read(request));
        return Response.ok(MeResponse.of(started.session()))
                .header(HttpHeaders.SET_COOKIE, cookie.issue(started)).build();
    }

    @GET
    @Path("me")
    @Authenticated
    public MeResponse me() {
        return MeResponse.of(current.require());
    }

    @POST
    @Path("logout")
    public Response logout() {
        cookie.read(request).ifPresent(sessions::logout);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }
}
