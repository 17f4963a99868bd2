package dev.hallpass.token.boundary;

import dev.hallpass.token.boundary.TokenPair;
import dev.hallpass.web.RequestCookies;
import dev.hallpass.web.SameSite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    /**
     * The refresh token, if the request carries exactly one. The {@code __Secure-} prefix does not stop a
     * sibling subdomain from planting a second cookie of this name (with its own token, sent first), so
     * two or more are refused altogether rather than guessing which one is ours (review L3).
     */
    public Optional<String> read(HttpServletRequest request) {
        List<String> values = RequestCookies.named(request, NAME).stream().filter(value -> !value.isBlank()).toList();
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    public String issue(TokenPair pair, HttpServletRequest request) {
        long seconds = Math.max(0, Duration.between(clock.instant(), pair.refreshExpiresAt()).toSeconds());
        return NAME + "=" + pair.refreshToken() + "; Path=" + request.getContextPath() + "/api/auth/refresh"
                + "; Secure; HttpOnly; SameSite=Strict; Max-Age=" + seconds;
    }
}
