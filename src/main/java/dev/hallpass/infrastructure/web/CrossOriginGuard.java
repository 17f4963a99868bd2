package dev.hallpass.infrastructure.web;

import dev.hallpass.client.ClientAddress;
import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import dev.hallpass.web.BearerHeader;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CSRF defence for cookie sessions, login included: a state-changing request that a browser sent
 * from another site ({@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is not ours) is
 * refused with 403. Only a request that carries a {@code Bearer} token passes unchecked: that one is
 * authenticated by the token, never by the cookie, and a browser never adds it by itself (it does add
 * cached {@code Basic} or {@code Negotiate} credentials, so those are checked like any cookie request).
 *
 * <p>A Faces request that carries {@code jakarta.faces.ViewState} is a postback whatever its method
 * (Mojarra decides by the parameter alone), so the form's action would run on a cross-site top-level
 * GET, which SameSite=Lax cookies accompany. A postback is accepted only as a POST; any other method
 * with that parameter is refused with 405 before Faces sees it.
 */
public class CrossOriginGuard extends HttpFilter {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    ClientAddress clients;

    private AllowedOrigins origins;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        origins = new AllowedOrigins(ConfigProvider.getConfig()
                .getOptionalValues("hallpass.web.allowed-origins", String.class).orElse(List.of()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) && carriesViewState(request)) {
            response.setHeader("Allow", "POST");
            Problems.write(request, response, ProblemException.of(405, "form-not-posted", request.getMethod()));
            return;
        }
        if (SAFE_METHODS.contains(request.getMethod()) || BearerHeader.token(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        // A page sent with Referrer-Policy: no-referrer posts its forms with "Origin: null"; the browser's own
        // Sec-Fetch-Site then still says whether the form was ours (a sandboxed frame elsewhere says cross-site).
        boolean sameOrigin = "same-origin".equalsIgnoreCase(fetchSite);
        if ("cross-site".equalsIgnoreCase(fetchSite) || origin != null && !(sameOrigin && "null".equals(origin))
                && !origins.allows(origin, request.getHeader("Host"), clients.cameOverHttps(request))) {
            Problems.write(request, response, ProblemException.of(403, "cross-origin"));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads the raw query string itself (asking the container for a parameter would parse the request's
     * parameters before Faces could set their encoding), decoding each name the way Faces will, so an
     * encoded {@code jakarta%2Efaces%2EViewState} is found too; an undecodable name counts as one.
     */
    static boolean carriesViewState(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.indexOf('%') < 0 && !query.contains(VIEW_STATE)) {
            return false; // the common case: nothing encoded, no view state
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (VIEW_STATE.equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                    return true;
                }
            } catch (IllegalArgumentException undecodable) {
                return true;
            }
        }
        return false;
    }
}
