package dev.hallpass.alerting.boundary;

import dev.hallpass.alerting.control.Alert;
import dev.hallpass.alerting.control.AlertRules;
import dev.hallpass.alerting.control.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts each alert as JSON to {@code hallpass.alerts.webhook-url}, signed ({@link WebhookSignature}, headers
 * {@code X-Hallpass-Timestamp} and {@code X-Hallpass-Signature}) with {@code hallpass.alerts.webhook-secret}.
 * Off every request's thread: attempts run on the webhook's own two threads, a retry is only scheduled.
 * A 2xx answer delivers it; a timeout, a refused connection, 408, 429 or 5xx is retried after 1 s, 2 s, 4 s …
 * up to {@code hallpass.alerts.webhook-attempts}; any other 4xx is final (the receiver refuses it). At most
 * {@link #MAX_IN_FLIGHT} alerts are on their way at once; beyond that an alert is dropped (and says so).
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = AlertWebhook.ALERTS_EXECUTOR, maxAsync = 2)
public class AlertWebhook {

    static final String ALERTS_EXECUTOR = "java:app/concurrent/hallpass-alerts";
    private static final Logger LOG = Logger.getLogger(AlertWebhook.class.getName());
    static final int MAX_IN_FLIGHT = 200;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.webhook-url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.webhook-secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.webhook-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.webhook-timeout", defaultValue = "PT5S")
    Duration timeout;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = ALERTS_EXECUTOR)
    ManagedExecutorService executor;

    private URI target;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PostConstruct
    void configure() {
        if (url.isEmpty() || url.get().isBlank()) {
            return;
        }
        URI uri = URI.create(url.get().strip());
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("hallpass.alerts.webhook-url must be an http(s) URL");
        }
        if (secret.isEmpty() || secret.get().length() < 16) {
            throw new IllegalArgumentException("hallpass.alerts.webhook-secret must be set (16 characters at least) "
                    + "when hallpass.alerts.webhook-url is: receivers check every alert's signature with it");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("hallpass.alerts.webhook-attempts must be at least 1");
        }
        target = uri;
    }

    public boolean configured() {
        return target != null;
    }

    /** Starts the delivery; {@code progress} hears every change of its state. Never blocks. */
    public void deliver(Alert alert, Consumer<Alert> progress) {
        if (target == null) {
            return;
        }
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            LOG.warning(() -> "alert " + alert.id() + " not sent: " + MAX_IN_FLIGHT + " alerts are already on their way");
            progress.accept(alert.delivering(Alert.Delivery.DROPPED, 0, "too many alerts on their way"));
            return;
        }
        attempt(alert, body(alert), 1, progress);
    }

    /** Each attempt on the webhook's own threads: a receiver that hangs holds them, never a request or the scheduler. */
    private void attempt(Alert alert, String body, int attempt, Consumer<Alert> progress) {
        try {
            executor.execute(() -> send(alert, body, attempt, progress));
        } catch (RuntimeException shuttingDown) {
            finish(progress, alert.delivering(Alert.Delivery.FAILED, attempt - 1, "not sent: the node is stopping"));
        }
    }

    private void send(Alert alert, String body, int attempt, Consumer<Alert> progress) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Hallpass-Alerts")
                .header("X-Hallpass-Alert-Id", alert.id())
                .header("X-Hallpass-Timestamp", Long.toString(timestamp))
                .header("X-Hallpass-Signature", WebhookSignature.sign(secret.orElseThrow(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = 0;
        String error;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (status >= 200 && status < 300) {
            finish(progress, alert.delivering(Alert.Delivery.DELIVERED, attempt, null));
            return;
        }
        boolean retryable = status == 0 || status == 408 || status == 429 || status >= 500;
        if (!retryable || attempt >= maxAttempts) {
            String why = error;
            LOG.warning(() -> "alert " + alert.id() + " not delivered after " + attempt + " attempt(s): " + why);
            finish(progress, alert.delivering(Alert.Delivery.FAILED, attempt, error));
            return;
        }
        progress.accept(alert.delivering(Alert.Delivery.PENDING, attempt, error));
        try {
            scheduler.schedule(() -> attempt(alert, body, attempt + 1, progress),
                    AlertRules.retryDelay(attempt + 1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException shuttingDown) {
            finish(progress, alert.delivering(Alert.Delivery.FAILED, attempt, error));
        }
    }

    private void finish(Consumer<Alert> progress, Alert alert) {
        inFlight.decrementAndGet();
        progress.accept(alert);
    }

    static String body(Alert alert) {
        return Json.createObjectBuilder()
                .add("id", alert.id())
                .add("kind", alert.kind().name().toLowerCase(Locale.ROOT))
                .add("severity", alert.severity().name().toLowerCase(Locale.ROOT))
                .add("subject", alert.subject() == null ? "" : alert.subject())
                .add("summary", alert.summary())
                .add("node", alert.node())
                .add("fired_at", alert.firedAt().toString())
                .build().toString();
    }
}
