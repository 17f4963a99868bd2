package dev.hallpass.session.boundary;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

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

    /**
     * Where to go after logging in: {@code next} if it is a path of this application, or an absolute URL
     * of an origin in {@code hallpass.login.return-origins} (the shop's other applications), else
     * {@code otherwise}.
     */
    public static String next(String next, String otherwise) {
        return next(next, otherwise, returnOrigins());
    }

    /** {@link #next(String, String)} with the allowed origins given (lower case, no trailing slash). */
    static String next(String next, String otherwise, List<String> returnOrigins) {
        return Optional.ofNullable(next)
                .filter(n -> n.length() <= 1000 && !n.contains("\\"))
                .filter(n -> n.chars().noneMatch(c -> c < 0x20 || c == 0x7f))
                .filter(n -> (n.startsWith("/") && !n.startsWith("//")) || returnOrigins.contains(originOf(n)))
                .orElse(otherwise);
    }

    private static List<String> returnOrigins() {
        return ConfigProvider.getConfig().getOptionalValues("hallpass.login.return-origins", String.class).orElse(List.of())
                .stream().map(String::strip).map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL, or "" for anything else. */
    static String originOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null
                    || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                return "";
            }
            return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
