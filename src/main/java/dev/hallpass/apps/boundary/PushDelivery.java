package dev.hallpass.apps.boundary;

import dev.hallpass.apps.control.Signal;
import dev.hallpass.apps.control.SignalLog;
import dev.hallpass.apps.control.SignalStream;
import dev.hallpass.apps.control.StreamRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Push delivery (RFC 8935): each push stream's entries, in order, one SET per {@code POST} of
 * {@code application/secevent+jwt} to the receiver's URL; a 202 (or 200) moves the stream on, anything else
 * is tried again after a growing pause (1 s doubling to 5 min). One node delivers at a time (the
 * {@code signal-push} lease), so entries of a stream never overtake each other.
 */
@ApplicationScoped
public class PushDelivery {

    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());
    private static final Duration LEASE_TIME = Duration.ofSeconds(10);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);
    private static final int BATCH = 100;

    @Inject
    SignalLog log;

    @Inject
    StreamRepository streams;

    @Inject
    SecurityEventTokens tokens;

    @Inject
    Clock clock;

    @Resource(lookup = Transmitter.SIGNALS_EXECUTOR)
    ManagedExecutorService executor;

    private final String node = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Something may be due: deliver on another thread (one run at a time, repeated if woken meanwhile). */
    void wake() {
        again.set(true);
        if (!running.get()) {
            executor.execute(this::run);
        }
    }

    private void run() {
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                Instant now = clock.instant();
                if (streams.pushDue(now).isEmpty() || !streams.holdPushLease(node, now, now.plus(LEASE_TIME))) {
                    continue;
                }
                for (SignalStream stream : streams.pushDue(now)) {
                    deliver(stream);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Push delivery of the revocation feed failed; it is tried again", e);
            } finally {
                running.set(false);
            }
        }
    }

    private void deliver(SignalStream stream) {
        long position = stream.ackedThrough();
        for (Signal signal : log.after(position, stream.events(), BATCH)) {
            String set = tokens.mint(signal, stream.id(), stream.clientId());
            int status = post(stream.endpointUrl(), set);
            if (status != 202 && status != 200) {
                int failures = stream.failures() + 1;
                Duration doubled = Duration.ofSeconds(1L << Math.min(failures - 1, 9));
                Duration pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
                streams.failed(stream.id(), failures, clock.instant().plus(pause));
                LOG.warning(() -> "Push of the revocation feed to stream " + stream.id() + " failed (status " + status
                        + ", attempt " + failures + "); next attempt in " + pause);
                return;
            }
            if (!streams.advance(stream.id(), position, signal.position(), clock.instant())) {
                return; // another node moved it meanwhile (its lease ran out under us): it carries on
            }
            position = signal.position();
        }
    }

    /** The receiver's answer, or -1 when it could not be reached. */
    private int post(String url, String set) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/secevent+jwt")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(set)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
