package dev.hallpass.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CSRF defence for cookie sessions, login included: a state-changing request that a browser sent
 * from another site ({@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is not ours) is
 * refused with 403. Requests carrying an {@code Authorization} header are not cookie-authenticated
 * (a browser never adds one by itself), so they pass.
 */
public class CrossOriginGuard extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

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
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) {
            chain.doFilter(request, response);
            return;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        // A page sent with Referrer-Policy: no-referrer posts its forms with "Origin: null"; the browser's own
        // Sec-Fetch-Site then still says whether the form was ours (a sandboxed frame elsewhere says cross-site).
        boolean sameOrigin = "same-origin".equalsIgnoreCase(fetchSite);
        if ("cross-site".equalsIgnoreCase(fetchSite)
                || origin != null && !(sameOrigin && "null".equals(origin)) && !origins.allows(origin, request.getHeader("Host"))) {
            Problems.write(response, Problem.of(403, "Cross-origin request refused",
                    "State-changing requests are accepted only from this site's own pages"));
            return;
        }
        chain.doFilter(request, response);
    }
}
