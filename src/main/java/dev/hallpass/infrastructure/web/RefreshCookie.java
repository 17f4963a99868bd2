package dev.hallpass.infrastructure.web;

import dev.hallpass.token.boundary.TokenPair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A browser's refresh token: {@code __Secure-hallpass-refresh}, HttpOnly, SameSite=Strict, and sent
 * only to the refresh endpoint (narrow Path), so no script and no other request ever sees it.
 */
@ApplicationScoped
public class RefreshCookie {

    static final String NAME = "__Secure-hallpass-refresh";

    @Inject
    Clock clock;

    public Optional<String> read(HttpServletRequest request) {
        return RequestCookies.named(request, NAME).stream().filter(value -> !value.isBlank()).findFirst();
    }

    public String issue(TokenPair pair, HttpServletRequest request) {
        long seconds = Math.max(0, Duration.between(clock.instant(), pair.refreshExpiresAt()).toSeconds());
        return NAME + "=" + pair.refreshToken() + "; Path=" + request.getContextPath() + "/api/auth/refresh"
                + "; Secure; HttpOnly; SameSite=Strict; Max-Age=" + seconds;
    }
}
