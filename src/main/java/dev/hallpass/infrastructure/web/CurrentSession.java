package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.session.boundary.ActiveSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The session the authentication mechanism found for this request, if any. */
@RequestScoped
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
