package dev.hallpass.protect;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Lets a server-rendered application (Faces, servlets) accept the Hallpass session cookie: Hallpass checks
 * the cookie ({@code POST /api/apps/session}, as this application's client), the answer is reused for at
 * most {@code hallpass.client.session-cache} (and never past the session's expiry), and from the moment the
 * revocation feed reports the session's end its cookie is refused here without asking Hallpass again. A live session becomes the container's caller with its roles,
 * so {@code @RolesAllowed}, {@code isUserInRole} and {@code getUserPrincipal} work; a browser without one is
 * sent to Hallpass's login page and back when it asks for a protected page. If Hallpass cannot be asked,
 * the request is answered 503: never a guess.
 *
 * <p>Not switched on by the jar alone (a JAX-RS service keeps its own mechanism): an application enables it
 * with {@code hallpass.client.session-login=true} ({@link SessionLoginExtension}).
 */
public class HallpassSessionMechanism implements HttpAuthenticationMechanism {

    static final String COOKIE = "__Host-hallpass";
    private static final int MAX_ENTRIES = 100_000;

    private record Checked(String sid, String user, Set<String> roles, Instant until) {
    }

    private final Map<String, Checked> cache = new ConcurrentHashMap<>();
    private volatile RevocationFeed feed;

    /**
     * The application's feed, found on first use rather than injected: a bean added by an extension does not
     * see the jar's beans on every server (Payara), the application's {@code CDI.current()} does.
     */
    private RevocationFeed feed() {
        RevocationFeed found = feed;
        if (found == null) {
            synchronized (this) {
                if (feed == null) {
                    feed = CDI.current().select(RevocationFeed.class).get();
                }
                found = feed;
            }
        }
        return found;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        RevocationFeed feed = feed();
        if (feed.settings() == null) {
            return unavailable(response); // not configured: said at deployment, never a guess
        }
        Optional<String> secret = cookie(request);
        Optional<Checked> session;
        try {
            session = secret.isEmpty() ? Optional.empty() : check(feed, secret.get(), request);
        } catch (IOException e) {
            return unavailable(response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(response);
        }
        if (session.isPresent()) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(session.get().user()), session.get().roles());
        }
        if (context.isProtected()) {
            String here = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(feed.settings().loginUrl() + "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private Optional<Checked> check(RevocationFeed feed, String secret, HttpServletRequest request) throws IOException, InterruptedException {
        String key = sha256(secret);
        Instant now = Instant.now();
        Checked cached = cache.get(key);
        if (cached != null && feed.sessionEnded(cached.sid())) { // the feed reported its end: refused without asking
            cache.remove(key);
            return Optional.empty();
        }
        if (cached != null && now.isBefore(cached.until()) && feed.current()) { // a stale feed might have missed the end
            return Optional.of(cached);
        }
        ClientSettings settings = feed.settings();
        String form = "session=" + encode(secret) + "&ip=" + encode(request.getRemoteAddr())
                + "&user_agent=" + encode(Optional.ofNullable(request.getHeader("User-Agent")).orElse(""));
        HttpResponse<String> answer = feed.http().send(HttpRequest.newBuilder(settings.resolve("/api/apps/session"))
                .header("Authorization", settings.authorization())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("Hallpass answered the session check with " + answer.statusCode());
        }
        JsonObject result;
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            result = reader.readObject();
        }
        if (!result.getBoolean("active", false)) {
            cache.remove(key);
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(result.getJsonNumber("exp").longValue());
        Instant until = now.plus(settings.sessionCache());
        Checked checked = new Checked(result.getString("sid"), result.getString("sub"),
                result.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.toUnmodifiableSet()),
                until.isAfter(expires) ? expires : until);
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(old -> !now.isBefore(old.until()));
        }
        if (cache.size() < MAX_ENTRIES) {
            cache.put(key, checked);
        }
        return Optional.of(checked);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty() && cookie.getValue().length() <= 100) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response) {
        try {
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Hallpass unavailable\",\"status\":503,"
                    + "\"detail\":\"The session cannot be checked right now; try again shortly\"}");
        } catch (IOException clientGone) {
            // nothing left to tell
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
