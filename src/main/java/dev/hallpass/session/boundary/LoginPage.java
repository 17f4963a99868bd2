package dev.hallpass.session.boundary;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The way to the login page and back: {@code /login.xhtml?next=/admin/sessions.xhtml}. Only a path
 * inside this application is ever followed back, so the page cannot be used to send someone elsewhere.
 */
public final class LoginPage {

    public static final String PATH = "/login.xhtml";

    private LoginPage() {
    }

    /** A page a browser navigates to, not the API (whose protected resources answer 401 themselves). */
    static boolean isPage(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Sends the browser to the login page, to come back here; a Faces Ajax request gets its own kind of redirect. */
    static AuthenticationStatus sendTo(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String here = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String login = request.getContextPath() + PATH + "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            try {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + login.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            } catch (IOException clientGone) {
                throw new UncheckedIOException(clientGone);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(login);
    }

    /** Where to go after logging in: {@code next} if it is a path of this application, else {@code otherwise}. */
    public static String next(String next, String otherwise) {
        return Optional.ofNullable(next)
                .filter(n -> n.startsWith("/") && !n.startsWith("//") && !n.contains("\\") && n.length() <= 1000)
                .filter(n -> n.chars().noneMatch(c -> c < 0x20 || c == 0x7f))
                .orElse(otherwise);
    }
}
