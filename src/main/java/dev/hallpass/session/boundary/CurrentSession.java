package dev.hallpass.session.boundary;

import dev.hallpass.problem.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The session the authentication mechanism found for the current request, if any. Application-scoped
 * over the container's request proxy, so nothing is created per request.
 */
@ApplicationScoped
public class CurrentSession {

    /** The reverse-proxy check's path (the apps feature's servlet; named here, where its answer comes from). */
    public static final String PROXY_CHECK_PATH = "/auth/verify";

    private static final String ATTRIBUTE = CurrentSession.class.getName();

    @Inject
    HttpServletRequest request;

    private static final String BEARER = CurrentSession.class.getName() + ".bearer";

    static void attach(HttpServletRequest request, ActiveSession session) {
        request.setAttribute(ATTRIBUTE, session);
    }

    static void attach(HttpServletRequest request, BearerCaller token) {
        request.setAttribute(BEARER, token);
    }

    /** The access token this request was authenticated with, if it came with one instead of a cookie. */
    public Optional<BearerCaller> bearer() {
        return Optional.ofNullable((BearerCaller) request.getAttribute(BEARER));
    }

    public Optional<ActiveSession> get() {
        return Optional.ofNullable((ActiveSession) request.getAttribute(ATTRIBUTE));
    }

    /** Who is calling, by cookie session or bearer token. */
    public Optional<String> username() {
        return get().map(ActiveSession::username).or(() -> bearer().map(BearerCaller::username));
    }

    /** Who is calling; 401 if nobody is (for resources already limited to authenticated callers). */
    public String requireUsername() {
        return username().orElseThrow(Unauthenticated::new);
    }

    /** The handle of the caller's session, by cookie or bearer token. */
    public Optional<String> handle() {
        return get().map(ActiveSession::handle).or(() -> bearer().map(BearerCaller::sessionHandle));
    }

    public ActiveSession require() {
        return get().orElseThrow(Unauthenticated::new);
    }
}
