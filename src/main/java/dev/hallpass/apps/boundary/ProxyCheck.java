package dev.hallpass.apps.boundary;

import dev.hallpass.language.Languages;
import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.BearerCaller;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.boundary.LoginPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /auth/verify}: the check a reverse proxy makes before every request to an application it
 * protects (nginx {@code auth_request}, Traefik {@code forwardAuth}, Envoy {@code ext_authz}). The session
 * cookie or bearer token was already checked by the authentication mechanism, like on every request; this
 * answers 200 with {@code X-Hallpass-User}, {@code X-Hallpass-Roles} (comma separated) and
 * {@code X-Hallpass-Session} for a live one, and 401 otherwise — or, with {@code hallpass.verify.login-redirect},
 * a redirect to the login page (and back) for a browser's navigation. No body on success, no JSON: it is
 * the hottest path there is.
 */
@WebServlet(CurrentSession.PROXY_CHECK_PATH)
public class ProxyCheck extends HttpServlet {

    /** The 401's body in each language, written once: the refusal is as cheap as the rest. */
    private static final Map<Locale, String> UNAUTHENTICATED = Languages.SUPPORTED.stream().collect(Collectors.toUnmodifiableMap(
            locale -> locale, locale -> Problems.json(ProblemException.of(401, "proxy-unauthenticated"), locale)));

    @Inject
    CurrentSession current;

    @Inject
    @ConfigProperty(name = "hallpass.verify.login-redirect", defaultValue = "false")
    boolean loginRedirect;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<ActiveSession> session = current.get();
        Optional<BearerCaller> bearer = current.bearer();
        if (session.isPresent()) {
            allow(response, session.get().username(), session.get().roles(), session.get().handle());
        } else if (bearer.isPresent()) {
            allow(response, bearer.get().username(), bearer.get().roles(), bearer.get().sessionHandle());
        } else if (loginRedirect && isNavigation(request)) {
            response.sendRedirect(request.getContextPath() + LoginPage.PATH + "?next="
                    + URLEncoder.encode(originalUrl(request), StandardCharsets.UTF_8));
        } else {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hallpass\"");
            Locale locale = Languages.choose(request.getHeader("Accept-Language"));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Language", locale.toLanguageTag());
            response.getWriter().write(UNAUTHENTICATED.get(locale));
        }
    }

    private static void allow(HttpServletResponse response, String user, Set<String> roles, String handle) {
        response.setStatus(200);
        response.setHeader("X-Hallpass-User", user);
        response.setHeader("X-Hallpass-Roles", String.join(",", new TreeSet<>(roles)));
        response.setHeader("X-Hallpass-Session", handle);
    }

    private static boolean isNavigation(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        String accept = request.getHeader("Accept");
        return "navigate".equals(mode) || (mode == null && accept != null && accept.contains("text/html"));
    }

    /**
     * Where the browser was going, as the proxy says ({@code X-Original-URL}, or Traefik's and others'
     * {@code X-Forwarded-Proto}/{@code -Host}/{@code -Uri}); the login page follows it back only if it is a
     * path of Hallpass or an origin of {@code hallpass.login.return-origins}.
     */
    private static String originalUrl(HttpServletRequest request) {
        String original = request.getHeader("X-Original-URL");
        if (original != null) {
            return original;
        }
        String uri = Optional.ofNullable(request.getHeader("X-Forwarded-Uri")).orElse("/");
        String host = request.getHeader("X-Forwarded-Host");
        String proto = Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse("https");
        return host == null ? uri : proto + "://" + host + uri;
    }
}
