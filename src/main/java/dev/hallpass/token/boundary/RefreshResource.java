package dev.hallpass.token.boundary;

import dev.hallpass.infrastructure.web.ClientAddress;
import dev.hallpass.infrastructure.web.RefreshCookie;
import dev.hallpass.problem.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * {@code POST /api/auth/refresh}: API clients send {@code {"refresh_token"}} and get the next one in
 * the body; browsers send nothing but their refresh cookie and get the next one as a cookie.
 */
@ApplicationScoped
@Path("auth/refresh")
@Produces(MediaType.APPLICATION_JSON)
public class RefreshResource {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RefreshCookie cookie;

    @Inject
    ClientAddress clients;

    @Inject
    HttpServletRequest request;

    /** Every refresh request this node answered, whatever the outcome: what clients cost the server. */
    @Inject
    @Metric(name = "hallpass.token.refresh.requests", absolute = true)
    Counter requests;

    @POST
    public Response refresh(String body) {
        requests.inc();
        Optional<String> fromBody = tokenIn(body);
        String presented = fromBody.or(() -> cookie.read(request)).orElseThrow(InvalidGrant::new);
        TokenPair pair = refreshTokens.refresh(presented, clients.of(request));
        if (fromBody.isPresent()) {
            return Response.ok(TokenResponse.withRefresh(pair)).build();
        }
        return Response.ok(TokenResponse.bearer(pair.access())).header(HttpHeaders.SET_COOKIE, cookie.issue(pair, request)).build();
    }

    private static Optional<String> tokenIn(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            JsonValue token = json.get("refresh_token");
            if (token == null || token.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidInput("refresh_token", "a string is required (or send none and use the refresh cookie)");
            }
            return Optional.of(json.getString("refresh_token"));
        } catch (JsonException | ClassCastException e) {
            throw new InvalidInput("body", "must be a JSON object with refresh_token");
        }
    }
}
