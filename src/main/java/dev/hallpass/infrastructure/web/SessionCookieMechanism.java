package dev.hallpass.infrastructure.web;

import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a valid session cookie into the container's caller principal and groups, so that
 * {@code @RolesAllowed} and {@code isUserInRole} work everywhere. Without a valid cookie the
 * request goes on anonymously; protected resources then answer 401 themselves.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SessionCookieMechanism.class.getName());

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<ActiveSession> session;
        try {
            session = cookie.read(request).flatMap(sessions::authenticate);
        } catch (RuntimeException storeUnavailable) {
            return unavailable(response, storeUnavailable);
        }
        if (session.isEmpty()) {
            return context.doNothing();
        }
        CurrentSession.attach(request, session.get());
        return context.notifyContainerAboutLogin(new CallerPrincipal(session.get().username()), session.get().roles());
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response, RuntimeException cause) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Session check failed, reference " + reference, cause);
        try {
            Problems.write(response, Problem.of(503, "Session store unavailable",
                    "Sessions cannot be checked right now; quote reference " + reference));
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "Could not send the 503", clientGone);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
