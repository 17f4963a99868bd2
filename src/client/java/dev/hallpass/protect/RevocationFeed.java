package dev.hallpass.protect;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hallpass's revocation feed, received from deployment on: a poll stream of its own (OpenID Shared Signals,
 * RFC 8936 long polls, every SET's signature, issuer, audience and type checked), which starts with the
 * ends of the last access-token lifetime, so a fresh or restarted application knows every session whose
 * tokens could still be presented. Ended sessions are remembered for {@code hallpass.client.remember-revoked};
 * a credential change refuses the user's tokens issued before it.
 *
 * <p>The feed is <em>current</em> while its last answer is at most {@code hallpass.client.max-staleness}
 * old (a long poll answers at least every 25 s; a Hallpass that stops answering, or is unreachable, makes
 * it stale within that bound). {@link #current()} is what the filter fails closed (or open) on.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class.getName());
    static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    static final String CREDENTIAL_CHANGE = "https://schemas.openid.net/secevent/caep/event-type/credential-change";

    private ClientSettings settings;
    private HttpClient http;
    private HallpassKeys keys;
    private final Map<String, Instant> revokedSessions = new ConcurrentHashMap<>();
    private final Map<String, Long> credentialsChangedAt = new ConcurrentHashMap<>();
    private volatile Instant lastAnswer = Instant.EPOCH;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile String streamId;
    private volatile URI pollUrl;
    private Thread receiver;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        try {
            settings = ClientSettings.from(ConfigProvider.getConfig());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "hallpass-client: the revocation feed is not configured (hallpass.client.url, .id, "
                    + ".secret); bearer requests are refused while it is not current", e);
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        keys = new HallpassKeys(settings.resolve("/.well-known/jwks.json"), http);
        receiver = threads().newThread(this::receive);
        receiver.setName("hallpass-revocation-feed");
        receiver.start();
    }

    /**
     * The server's default managed thread factory, looked up (an {@code @Resource} field in a library jar is
     * not resolved by every server); a plain daemon thread where there is none.
     */
    private static java.util.concurrent.ThreadFactory threads() {
        try {
            return javax.naming.InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        } catch (javax.naming.NamingException | RuntimeException none) {
            return runnable -> {
                Thread thread = new Thread(runnable);
                thread.setDaemon(true);
                return thread;
            };
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (receiver != null) {
            receiver.interrupt();
        }
        String id = streamId;
        if (id != null && http != null) { // a stream nobody polls would only be removed after days
            try {
                http.send(HttpRequest.newBuilder(settings.resolve("/api/ssf/streams?stream_id=" + id))
                        .header("Authorization", settings.authorization()).timeout(Duration.ofSeconds(2)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not delete the stream at shutdown", e);
            }
        }
    }

    /** True while the feed's last answer is recent enough to trust that no end is missing. */
    public boolean current() {
        return caughtUp && Duration.between(lastAnswer, Instant.now()).compareTo(settings.maxStaleness()) <= 0;
    }

    public boolean failOpen() {
        return settings != null && settings.failOpen();
    }

    /** Whether a token of this session, issued at {@code issuedAt} (epoch seconds) to {@code user}, was revoked. */
    public boolean revoked(String sid, String user, long issuedAt) {
        if (sessionEnded(sid)) {
            return true;
        }
        Long changed = user == null ? null : credentialsChangedAt.get(user);
        return changed != null && issuedAt <= changed;
    }

    /** Whether the feed reported this session's end (a session mechanism refuses its cookie without asking). */
    public boolean sessionEnded(String sid) {
        return sid != null && revokedSessions.containsKey(sid);
    }

    ClientSettings settings() {
        return settings;
    }

    HttpClient http() {
        return http;
    }

    private void receive() {
        long pause = 250;
        List<String> acks = new ArrayList<>();
        while (running) {
            try {
                if (pollUrl == null) {
                    createStream();
                }
                JsonObject answer = poll(acks, !caughtUp);
                acks.clear();
                lastAnswer = Instant.now();
                JsonObject sets = answer.getJsonObject("sets");
                for (String jti : sets.keySet()) {
                    accept(sets.getString(jti));
                    acks.add(jti);
                }
                if (!answer.getBoolean("moreAvailable", false) && !caughtUp) {
                    caughtUp = true;
                    LOG.info(() -> "hallpass-client: revocation feed current (stream " + streamId + ")");
                }
                forgetOld();
                pause = 250;
            } catch (StreamGone gone) {
                LOG.warning("hallpass-client: the stream is gone at Hallpass; creating a new one (it starts with the recent ends)");
                pollUrl = null;
                acks.clear();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "hallpass-client: the revocation feed did not answer (" + e + "); retrying in " + pause + " ms");
                sleep(pause);
                pause = Math.min(pause * 2, 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void createStream() throws IOException, InterruptedException {
        JsonObject request = Json.createObjectBuilder()
                .add("delivery", Json.createObjectBuilder().add("method", "urn:ietf:rfc:8936"))
                .add("events_requested", Json.createArrayBuilder().add(SESSION_REVOKED).add(CREDENTIAL_CHANGE))
                .add("description", settings.description())
                .build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.resolve("/api/ssf/streams"))
                .header("Authorization", settings.authorization())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("creating the stream answered " + response.statusCode());
        }
        JsonObject stream = read(response.body());
        streamId = stream.getString("stream_id");
        pollUrl = URI.create(stream.getJsonObject("delivery").getString("endpoint_url"));
        caughtUp = false;
    }

    private JsonObject poll(List<String> acks, boolean immediately) throws IOException, InterruptedException {
        JsonArrayBuilder ack = Json.createArrayBuilder();
        acks.forEach(ack::add);
        JsonObject body = Json.createObjectBuilder().add("ack", ack).add("maxEvents", 500)
                .add("returnImmediately", immediately).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(pollUrl)
                .header("Authorization", settings.authorization())
                .header("Content-Type", "application/json")
                .timeout(settings.maxStaleness())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            throw new StreamGone(); // Hallpass says so; a server still deploying it answers 404 too, but not as a problem
        }
        if (response.statusCode() != 200) {
            throw new IOException("the poll answered " + response.statusCode());
        }
        return read(response.body());
    }

    /** One SET: checked, then remembered. One that fails a check is acknowledged and dropped (and logged). */
    private void accept(String set) {
        JsonObject claims = keys.verify(set, "secevent+jwt").orElse(null);
        if (claims == null || !claims.getString("iss", "").replaceAll("/$", "").equals(settings.issuer())
                || !audienceIsUs(claims.get("aud"))) {
            LOG.warning("hallpass-client: a SET failed its signature, issuer or audience check and was dropped");
            return;
        }
        JsonObject events = claims.getJsonObject("events");
        JsonObject subject = claims.getJsonObject("sub_id");
        if (events.containsKey(SESSION_REVOKED)) {
            String sid = subject.getJsonObject("session").getString("id");
            revokedSessions.put(sid, Instant.now().plus(settings.rememberRevoked()));
        }
        if (events.containsKey(CREDENTIAL_CHANGE)) {
            long at = events.getJsonObject(CREDENTIAL_CHANGE).getJsonNumber("event_timestamp").longValue();
            credentialsChangedAt.merge(subject.getString("sub"), at, Math::max);
        }
    }

    private boolean audienceIsUs(JsonValue audience) {
        if (audience instanceof jakarta.json.JsonString single) {
            return single.getString().equals(settings.clientId());
        }
        return audience instanceof jakarta.json.JsonArray many
                && many.getValuesAs(jakarta.json.JsonString.class).stream().anyMatch(a -> a.getString().equals(settings.clientId()));
    }

    private void forgetOld() {
        Instant now = Instant.now();
        revokedSessions.values().removeIf(until -> until.isBefore(now));
        long oldest = now.minus(settings.rememberRevoked()).getEpochSecond();
        credentialsChangedAt.values().removeIf(at -> at < oldest);
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static final class StreamGone extends RuntimeException {
        StreamGone() {
            super(null, null, false, false);
        }
    }
}
