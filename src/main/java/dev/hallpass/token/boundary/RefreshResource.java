package dev.hallpass.token.boundary;

import dev.hallpass.client.ClientAddress;
import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import dev.hallpass.problem.InvalidInput;
import dev.hallpass.token.boundary.RefreshCookie;
import dev.hallpass.token.control.InvalidGrant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

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

    @Inject
    @ApplicationMetrics
    MetricRegistry registry;

    /**
     * Made once: {@code Json.createReader} looks the JSON provider up through a ServiceLoader scan of the
     * application's jars on every call (13 % of a refresh's CPU in the December profile).
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private Counter requests;
    private Counter refreshed;
    private final Map<InvalidGrant.Reason, Counter> failures = new EnumMap<>(InvalidGrant.Reason.class);

    /** Created at start (not at first use), so that every series is there from the first scrape. */
    void atStart(@Observes Startup startup) {
        // the observer call itself instantiated the bean and ran register()
    }

    @PostConstruct
    void register() {
        requests = registry.counter(Metadata.builder().withName("hallpass.token.refresh.requests")
                .withDescription("Refresh requests this node answered, whatever the outcome: what clients cost the server").build());
        refreshed = registry.counter(Metadata.builder().withName("hallpass.token.refreshes")
                .withDescription("Refreshes that issued new tokens").build());
        Metadata failed = Metadata.builder().withName("hallpass.token.refresh.failures")
                .withDescription("Refreshes refused (all answered invalid_grant), by the reason only the server knows").build();
        for (InvalidGrant.Reason reason : InvalidGrant.Reason.values()) {
            failures.put(reason, registry.counter(failed, new Tag("reason", reason.name().toLowerCase(Locale.ROOT))));
        }
    }

    @POST
    public Response refresh(String body) {
        requests.inc();
        try {
            Response response = refreshWith(tokenIn(body));
            refreshed.inc();
            return response;
        } catch (InvalidGrant refused) {
            failures.get(refused.reason()).inc();
            throw refused;
        }
    }

    private Response refreshWith(Optional<String> fromBody) {
        String presented = fromBody.or(() -> cookie.read(request))
                .orElseThrow(() -> new InvalidGrant(InvalidGrant.Reason.MISSING));
        TokenPair pair = refreshTokens.refresh(presented, clients.of(request));
        if (fromBody.isPresent()) {
            return Response.ok(TokenResponse.withRefresh(pair)).build();
        }
        return Response.ok(TokenResponse.bearer(pair.access())).header(HttpHeaders.SET_COOKIE, cookie.issue(pair, request)).build();
    }

    /** The token in the body; none (use the cookie) for an empty body or one without {@code refresh_token}. */
    private static Optional<String> tokenIn(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            JsonValue token = json.get("refresh_token");
            if (token == null || token == JsonValue.NULL) {
                return Optional.empty();
            }
            if (token.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidInput("refresh_token", "refresh-token-string");
            }
            return Optional.of(json.getString("refresh_token"));
        } catch (JsonException | ClassCastException e) {
            throw new InvalidInput("body", "json-object-with-refresh-token");
        }
    }
}
