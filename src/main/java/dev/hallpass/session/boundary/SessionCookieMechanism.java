package dev.hallpass.session.boundary;

import dev.hallpass.client.ClientAddress;
import dev.hallpass.client.RequestId;
import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import dev.hallpass.web.BearerHeader;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a valid session cookie into the container's caller principal and groups, so that
 * {@code @RolesAllowed} and {@code isUserInRole} work everywhere. Without a valid cookie the
 * request goes on anonymously; protected resources then answer 401 themselves, except the pages
 * web.xml protects (console, "my devices"), which send the browser to the login page and back.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SessionCookieMechanism.class.getName());

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    ClientAddress clients;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        RequestId.begin(request, response);
        Optional<String> bearer = BearerHeader.token(request);
        if (bearer.isPresent()) {
            return bearer(bearer.get(), request, response, context);
        }
        Optional<ActiveSession> session;
        try {
            Optional<String> secret = cookie.read(request);
            session = secret.isEmpty() ? Optional.empty() : check(secret.get(), request, response);
        } catch (RuntimeException storeUnavailable) {
            return unavailable(request, response, storeUnavailable);
        }
        if (session.isEmpty()) {
            return context.isProtected() && LoginPage.isPage(request) ? LoginPage.sendTo(request, response, context)
                    : context.doNothing();
        }
        CurrentSession.attach(request, session.get());
        return context.notifyContainerAboutLogin(new CallerPrincipal(session.get().username()), session.get().roles());
    }

    /**
     * The cookie's session; a renewed secret goes out on this answer. Not for {@code /auth/verify}: a proxy's
     * sub-request answer never reaches the browser, whose cookie would then die after the overlap.
     */
    private Optional<ActiveSession> check(String secret, HttpServletRequest request, HttpServletResponse response) {
        if (CurrentSession.PROXY_CHECK_PATH.equals(request.getServletPath())) {
            return sessions.authenticate(secret, clients.of(request));
        }
        Optional<SessionService.CookieSession> checked = sessions.authenticateRotating(secret, clients.of(request));
        checked.ifPresent(found -> found.newSecret().ifPresent(fresh ->
                response.addHeader("Set-Cookie", cookie.issue(new StartedSession(fresh, found.session())))));
        return checked.map(SessionService.CookieSession::session);
    }

    /** Every way a bearer token can be wrong gets the same answer. */
    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        Optional<BearerCaller> verified = bearerTokens.verify(token);
        if (verified.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            try {
                Problems.write(request, response, ProblemException.of(401, "invalid-token"));
            } catch (IOException clientGone) {
                LOG.log(Level.FINE, "Could not send the 401", clientGone);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        CurrentSession.attach(request, verified.get());
        return context.notifyContainerAboutLogin(new CallerPrincipal(verified.get().username()), verified.get().roles());
    }

    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    RuntimeException cause) {
        String reference = RequestId.forLog();
        LOG.log(Level.SEVERE, "Session check failed, reference " + reference, cause);
        try {
            Problems.write(request, response, ProblemException.of(503, "session-store-unavailable", reference));
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "Could not send the 503", clientGone);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
