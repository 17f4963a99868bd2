package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.session.boundary.ActiveSession;
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

    private static final String ATTRIBUTE = CurrentSession.class.getName();

    @Inject
    HttpServletRequest request;

    static void attach(HttpServletRequest request, ActiveSession session) {
        request.setAttribute(ATTRIBUTE, session);
    }

    public Optional<ActiveSession> get() {
        return Optional.ofNullable((ActiveSession) request.getAttribute(ATTRIBUTE));
    }

    public ActiveSession require() {
        return get().orElseThrow(Unauthenticated::new);
    }
}
