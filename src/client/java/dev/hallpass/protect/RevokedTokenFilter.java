package dev.hallpass.protect;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, in a JAX-RS service, every Hallpass access token whose session ended (its {@code sid} came
 * through the revocation feed) or whose user's credentials changed after it was issued: 401
 * {@code invalid_token}, as for an expired token. It runs after authentication (MicroProfile JWT or the
 * service's own check has verified the signature), so it only reads the token's claims. While the feed is
 * not current, bearer requests get 503 (or pass, with {@code hallpass.client.fail=open}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class RevokedTokenFilter implements ContainerRequestFilter {

    @Inject
    RevocationFeed feed;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        Claims token = claimsOf(authorization.substring(7).strip());
        if (token == null) {
            return; // not a JWT: whatever verifies tokens here refuses it
        }
        if (!feed.current() && !feed.failOpen()) {
            request.abortWith(problem(503, "Revocation feed unavailable",
                    "Logouts from Hallpass cannot be confirmed right now; try again shortly")
                    .header("Retry-After", "5").build());
            return;
        }
        if (feed.revoked(token.sid(), token.sub(), token.issuedAt())) {
            request.abortWith(problem(401, "Invalid token", "The session of this access token has ended")
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"session ended\"").build());
        }
    }

    /** What the filter needs of a token; parsed once per token (a client sends the same one for minutes). */
    private record Claims(String sid, String sub, long issuedAt) {
    }

    private static final int MAX_CACHED = 10_000;
    private final Map<String, Claims> parsed = new ConcurrentHashMap<>();

    private Claims claimsOf(String token) {
        Claims known = parsed.get(token);
        if (known != null) {
            return known;
        }
        Optional<JsonObject> payload = HallpassKeys.payloadOf(token);
        if (payload.isEmpty()) {
            return null;
        }
        JsonObject claims = payload.get();
        Claims read = new Claims(claims.getString("sid", null), claims.getString("sub", null),
                claims.get("iat") instanceof JsonNumber iat ? iat.longValue() : 0);
        if (parsed.size() >= MAX_CACHED) {
            parsed.clear(); // tokens live minutes: starting over now and then costs a parse each
        }
        parsed.put(token, read);
        return read;
    }

    static Response.ResponseBuilder problem(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
