package dev.hallpass.session.boundary;

import dev.hallpass.session.boundary.StartedSession;
import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.web.RequestCookies;
import dev.hallpass.web.SameSite;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie: {@code Path=/; Secure; HttpOnly; SameSite}, named with the {@code __Host-}
 * prefix by default so that no subdomain can set or shadow it. Remember-me sessions get a persistent
 * cookie that lives until the session's absolute expiry; others die with the browser.
 */
@ApplicationScoped
public class SessionCookie {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Inject
    @ConfigProperty(name = "hallpass.cookie.name", defaultValue = "__Host-hallpass")
    String name;

    @Inject
    @ConfigProperty(name = "hallpass.cookie.same-site", defaultValue = "Lax")
    String sameSite;

    @Inject
    Clock clock;

    @PostConstruct
    void checkSettings() {
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalStateException("hallpass.cookie.name is not a valid cookie name: " + name);
        }
        sameSite = SameSite.parse(sameSite);
    }

    /** The secret in the request's cookie, if there is one of the right shape. */
    public Optional<String> read(HttpServletRequest request) {
        return RequestCookies.named(request, name).stream()
                .map(SessionSecrets::parse).flatMap(Optional::stream).findFirst();
    }

    /** The {@code Set-Cookie} value that hands the new session's secret to the browser. */
    public String issue(StartedSession started) {
        String cookie = name + "=" + started.secret() + attributes();
        if (started.session().rememberMe()) {
            long seconds = Duration.between(clock.instant(), started.session().absoluteExpiresAt()).toSeconds();
            cookie += "; Max-Age=" + Math.max(seconds, 0);
        }
        return cookie;
    }

    /** The {@code Set-Cookie} value that makes the browser forget the session cookie. */
    public String clear() {
        return name + "=" + attributes() + "; Max-Age=0";
    }

    private String attributes() {
        return "; Path=/; Secure; HttpOnly; SameSite=" + sameSite;
    }
}
