package dev.hallpass.infrastructure.web;

import dev.hallpass.client.ClientAddress;
import dev.hallpass.web.SameSite;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Security headers on every response, {@code Cache-Control: no-store} on everything dynamic or
 * authenticated, and every cookie the application sets made Secure, HttpOnly and SameSite.
 *
 * <p>The Content-Security-Policy is decided per response, not per URL: every response starts with the
 * strict default, and a response that renders Faces markup replaces it with PrimeFaces' policy and its
 * per-response nonce (PrimeFaces sets the header itself). So {@code /admin/} (a welcome-file URL) gets
 * the nonce its page needs, and {@code /demo.html;.xhtml} still gets the strict default.
 */
public class ResponseHardeningFilter extends HttpFilter {

    static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final String CSP = "Content-Security-Policy";

    @Inject
    ClientAddress clients;

    private String contentSecurityPolicy;
    private String sameSite;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        Config settings = ConfigProvider.getConfig();
        contentSecurityPolicy = settings.getOptionalValue("hallpass.web.content-security-policy", String.class).orElse(DEFAULT_CSP);
        sameSite = SameSite.parse(settings.getOptionalValue("hallpass.cookie.same-site", String.class).orElse("Lax"));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(CSP, contentSecurityPolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (clients.cameOverHttps(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (request.getUserPrincipal() != null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new HardenedCookies(response, sameSite));
    }

    /** Applies the cookie rules however a cookie is set: {@code addCookie} or a raw header. */
    static final class HardenedCookies extends HttpServletResponseWrapper {

        private final String sameSite;

        HardenedCookies(HttpServletResponse response, String sameSite) {
            super(response);
            this.sameSite = sameSite;
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            cookie.setHttpOnly(true);
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", sameSite);
            }
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value); // one policy per response: a second header would intersect with the default
                return;
            }
            super.addHeader(name, isSetCookie(name) ? SetCookieHardening.harden(value, sameSite) : value);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isSetCookie(name) && value != null ? SetCookieHardening.harden(value, sameSite) : value);
        }

        private static boolean isSetCookie(String name) {
            return "Set-Cookie".equalsIgnoreCase(name);
        }
    }
}
