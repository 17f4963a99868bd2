package dev.hallpass.apps.boundary;

import dev.hallpass.apps.control.Signal;
import dev.hallpass.apps.control.SignalLog;
import dev.hallpass.apps.control.SignalStream;
import dev.hallpass.apps.control.StreamRepository;
import dev.hallpass.problem.Conflict;
import dev.hallpass.problem.InvalidInput;
import dev.hallpass.token.boundary.AccessTokens;
import dev.hallpass.token.boundary.TokenClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Shared Signals transmitter's API for receivers (the clients of {@code hallpass.token.clients}, with
 * HTTP Basic): stream management ({@code /api/ssf/streams}, SSF 1.0 §8.1.1: create, read, update, delete;
 * {@code /api/ssf/status}) and the poll endpoint of each stream ({@code /api/ssf/poll/{id}}, RFC 8936). A new
 * stream starts with the entries of the last {@code hallpass.token.access-ttl} plus a minute, so a
 * receiver that starts (or restarts) learns every end that a still-valid access token could carry.
 */
@ApplicationScoped
@Path("ssf")
@Produces(MediaType.APPLICATION_JSON)
public class SharedSignalsResource {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_DESCRIPTION = 200;

    @Inject
    TokenClients clients;

    @Inject
    StreamRepository streams;

    @Inject
    SignalLog log;

    @Inject
    Transmitter transmitter;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    @Inject
    AccessTokens accessTokens;

    @Inject
    @ConfigProperty(name = "hallpass.signals.max-streams-per-client", defaultValue = "100")
    int maxStreamsPerClient;

    @POST
    @Path("streams")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        String client = client();
        JsonObject config = object(body);
        JsonObject delivery = config.get("delivery") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        SignalStream.Delivery method = SignalStream.Delivery.ofUri(text(delivery, "method", SignalStream.Delivery.POLL.uri()))
                .orElseThrow(() -> new InvalidInput("delivery.method", "delivery-method",
                        SignalStream.Delivery.POLL.uri(), SignalStream.Delivery.PUSH.uri()));
        String endpoint = null;
        if (method == SignalStream.Delivery.PUSH) {
            endpoint = pushEndpoint(text(delivery, "endpoint_url", null));
        }
        if (streams.ofClient(client).size() >= maxStreamsPerClient) {
            throw new Conflict("too-many-signal-streams", maxStreamsPerClient);
        }
        Instant now = clock.instant();
        long from = log.lastPositionBefore(now.minus(accessTokens.accessTtl()).minus(Duration.ofMinutes(1)));
        SignalStream stream = new SignalStream(newId(), client, description(config), method, endpoint, events(config),
                from, now, now, 0, now);
        streams.create(stream);
        return Response.status(201).entity(describe(stream)).build();
    }

    @GET
    @Path("streams")
    public JsonValue read(@QueryParam("stream_id") String streamId) {
        String client = client();
        if (streamId != null) {
            return describe(transmitter.owned(client, streamId));
        }
        JsonArrayBuilder all = Json.createArrayBuilder();
        streams.ofClient(client).forEach(stream -> all.add(describe(stream)));
        return all.build();
    }

    @PATCH
    @Path("streams")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(String body) {
        String client = client();
        JsonObject config = object(body);
        SignalStream stream = transmitter.owned(client, text(config, "stream_id", null));
        SignalStream changed = stream.withSettings(config.containsKey("description") ? description(config) : stream.description(),
                config.containsKey("events_requested") ? events(config) : stream.events());
        streams.update(changed);
        return describe(changed);
    }

    @DELETE
    @Path("streams")
    public Response delete(@QueryParam("stream_id") String streamId) {
        streams.delete(transmitter.owned(client(), streamId).id());
        return Response.noContent().build();
    }

    @GET
    @Path("status")
    public JsonObject status(@QueryParam("stream_id") String streamId) {
        SignalStream stream = transmitter.owned(client(), streamId);
        return Json.createObjectBuilder().add("stream_id", stream.id()).add("status", "enabled").build();
    }

    /** RFC 8936: acknowledge, then receive (or wait for) the next SETs. */
    @POST
    @Path("poll/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void poll(@PathParam("id") String streamId, String body, @Suspended AsyncResponse response) {
        String client = client();
        JsonObject poll = object(body);
        int maxEvents = poll.get("maxEvents") instanceof jakarta.json.JsonNumber n && n.isIntegral()
                ? (int) Math.max(0, Math.min(n.longValue(), Transmitter.MAX_EVENTS)) : 100;
        boolean immediately = poll.get("returnImmediately") == JsonValue.TRUE;
        Set<String> acks = new HashSet<>();
        if (poll.get("ack") instanceof JsonArray array) {
            array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).forEach(acks::add);
        }
        transmitter.poll(client, streamId, acks, maxEvents, immediately, response);
    }

    /** The request body as a JSON object; an empty body is an empty object, anything else not an object is a 400. */
    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInput("body", "json-object");
        }
    }

    private String client() {
        return clients.require(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private JsonObject describe(SignalStream stream) {
        JsonArrayBuilder supported = Json.createArrayBuilder();
        JsonArrayBuilder requested = Json.createArrayBuilder();
        Transmitter.supportedEvents().forEach(supported::add);
        stream.events().stream().map(Signal.Kind::uri).sorted().forEach(requested::add);
        JsonArray delivered = requested.build();
        JsonObjectBuilder delivery = Json.createObjectBuilder().add("method", stream.delivery().uri())
                .add("endpoint_url", stream.delivery() == SignalStream.Delivery.POLL
                        ? accessTokens.issuerUrl("/api/ssf/poll/" + stream.id()) : stream.endpointUrl());
        return Json.createObjectBuilder()
                .add("stream_id", stream.id())
                .add("iss", accessTokens.issuer())
                .add("aud", stream.clientId())
                .add("description", stream.description())
                .add("events_supported", supported)
                .add("events_requested", delivered)
                .add("events_delivered", delivered)
                .add("delivery", delivery)
                .build();
    }

    private static Set<Signal.Kind> events(JsonObject config) {
        if (!(config.get("events_requested") instanceof JsonArray requested)) {
            return EnumSet.allOf(Signal.Kind.class);
        }
        Set<Signal.Kind> kinds = EnumSet.noneOf(Signal.Kind.class);
        requested.stream().filter(JsonString.class::isInstance)
                .forEach(uri -> Signal.Kind.ofUri(((JsonString) uri).getString()).ifPresent(kinds::add));
        return kinds;
    }

    private static String description(JsonObject config) {
        String description = text(config, "description", "");
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description", "at-most-characters", MAX_DESCRIPTION);
        }
        return description;
    }

    /** Push targets are absolute http(s) URLs without credentials in them. */
    private static String pushEndpoint(String url) {
        if (url == null || url.length() > 2000) {
            throw new InvalidInput("delivery.endpoint_url", "endpoint-required");
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException();
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("delivery.endpoint_url", "endpoint-url");
        }
    }

    private static String text(JsonObject object, String name, String otherwise) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return otherwise;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidInput(name, "string");
    }

    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
