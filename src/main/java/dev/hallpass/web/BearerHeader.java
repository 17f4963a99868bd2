package dev.hallpass.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The token of an {@code Authorization: Bearer} header. A request that carries one is authenticated by it
 * alone (the cookie is not looked at), which is also why the CSRF guard lets it pass: a browser never adds
 * a bearer token by itself.
 */
public final class BearerHeader {

    private BearerHeader() {
    }

    public static Optional<String> token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(authorization.substring(7).strip()) : Optional.empty();
    }
}
