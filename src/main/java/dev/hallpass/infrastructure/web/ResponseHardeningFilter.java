package dev.hallpass.infrastructure.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response, {@code Cache-Control: no-store} on everything dynamic or
 * authenticated, and every cookie the application sets made Secure, HttpOnly and SameSite.
 */
public class ResponseHardeningFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "hallpass.web.content-security-policy", defaultValue = "default-src 'self'; "
            + "script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    String contentSecurityPolicy;

    @Inject
    @ConfigProperty(name = "hallpass.cookie.same-site", defaultValue = "Lax")
    String sameSite;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (request.getUserPrincipal() != null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new HardenedCookies(response, SameSite.parse(sameSite)));
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
