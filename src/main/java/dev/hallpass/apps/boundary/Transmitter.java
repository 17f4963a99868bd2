package dev.hallpass.apps.boundary;

import dev.hallpass.account.boundary.AccountChanged;
import dev.hallpass.apps.control.Acknowledgements;
import dev.hallpass.apps.control.Signal;
import dev.hallpass.apps.control.SignalLog;
import dev.hallpass.apps.control.SignalStream;
import dev.hallpass.apps.control.StreamRepository;
import dev.hallpass.problem.NotFound;
import dev.hallpass.session.boundary.SessionEnded;
import dev.hallpass.session.control.SessionEndAnnounced;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Shared Signals transmitter: writes credential changes into the outbox (session ends are
 * written by the session store, in the transaction of the end), numbers committed entries right after
 * every end this node makes or hears of, and answers the receivers' polls (RFC 8936), long ones included:
 * a waiting poll is answered as soon as its stream has an entry, and every {@code hallpass.signals.publish-interval}
 * the outbox is numbered and the waiting polls checked again, so an entry whose announcement was lost (a
 * node died after its commit, Redis dropped the message) is delivered within that interval.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = Transmitter.SIGNALS_EXECUTOR, maxAsync = 4)
public class Transmitter {

    /** Threads for answering held polls and push delivery: a SET is signed per stream, one stream need not wait for another. */
    static final String SIGNALS_EXECUTOR = "java:app/concurrent/hallpass-signals";

    private static final Logger LOG = Logger.getLogger(Transmitter.class.getName());
    static final int MAX_EVENTS = 1000;

    @Inject
    SignalLog log;

    @Inject
    StreamRepository streams;

    @Inject
    SecurityEventTokens tokens;

    @Inject
    PushDelivery push;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.signals.publish-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "hallpass.signals.long-poll", defaultValue = "PT25S")
    Duration longPoll;

    @Inject
    @ConfigProperty(name = "hallpass.signals.max-waiting-polls", defaultValue = "200")
    int maxWaiting;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * The feed's own executor, not the server's default: Payara Micro's default managed executor has core
     * size 0, so every task of the application (security-event writes, anomaly checks) runs on one thread,
     * and a revocation queued behind them; the scheduler is shared by every periodic job the same way.
     */
    @Resource(lookup = SIGNALS_EXECUTOR)
    ManagedExecutorService executor;

    /** A held poll, with its stream as it was after the poll's acknowledgements (only that poll moves it). */
    private record Waiting(SignalStream stream, int maxEvents, Instant deadline, AsyncResponse response,
                           AtomicBoolean busy, AtomicBoolean again) {
        Waiting(SignalStream stream, int maxEvents, Instant deadline, AsyncResponse response) {
            this(stream, maxEvents, deadline, response, new AtomicBoolean(), new AtomicBoolean());
        }
    }

    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> schedule;

    void start(@Observes Startup startup) {
        long millis = interval.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        waiting.forEach(w -> w.response().cancel());
    }

    /** In the account change's own transaction: the change and its feed entry commit together. */
    void onAccountChanged(@Observes AccountChanged change) {
        if (change.change() != AccountChanged.Change.ROLES_CHANGED) {
            log.append(Signal.Kind.CREDENTIAL_CHANGE, null, change.username(), change.change().name(), clock.instant());
        }
    }

    void afterAccountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        soon();
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        soon();
    }

    /** Another node's end: it is committed (announced after the commit); number it if that node has not yet. */
    void onAnnounced(@Observes SessionEndAnnounced announced) {
        soon();
    }

    /** Off the caller's thread: a logout neither waits for the feed nor fails with it. */
    private void soon() {
        executor.execute(this::tick);
    }

    private void tick() {
        try {
            publishAndDeliver();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Publishing the revocation feed failed; trying again in " + interval, e);
        }
    }

    /** Numbers what committed, then answers the waiting polls that now have entries and wakes push delivery. */
    void publishAndDeliver() {
        log.publish();
        push.wake();
        checkWaiting();
    }

    /**
     * One poll: acknowledgements first, then up to {@code maxEvents} SETs; with none to send and
     * {@code returnImmediately} false, the answer waits (up to {@code hallpass.signals.long-poll}).
     */
    public void poll(String clientId, String streamId, Set<String> acks, int maxEvents, boolean returnImmediately,
                     AsyncResponse response) {
        acknowledge(owned(clientId, streamId), acks);
        SignalStream stream = owned(clientId, streamId);
        int max = Math.max(0, Math.min(maxEvents, MAX_EVENTS));
        JsonObject answer = answer(stream, max);
        if (max == 0 || returnImmediately || answer.getJsonObject("sets").size() > 0 || waiting.size() >= maxWaiting) {
            response.resume(answer);
            return;
        }
        response.setTimeout(longPoll.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        Waiting held = new Waiting(stream, max, clock.instant().plus(longPoll), response);
        waiting.add(held);
        check(held); // an entry may have been numbered between the answer above and the registration
    }

    /** The stream, if this client owns it; 404 otherwise (another client's stream does not exist for it). */
    SignalStream owned(String clientId, String streamId) {
        return streams.find(streamId == null ? "" : streamId).filter(s -> s.clientId().equals(clientId))
                .orElseThrow(() -> new NotFound("not-found.stream"));
    }

    private void acknowledge(SignalStream stream, Set<String> acks) {
        Instant now = clock.instant();
        if (acks.isEmpty()) {
            streams.seen(stream.id(), now);
            return;
        }
        Set<Long> positions = new java.util.HashSet<>();
        long highest = 0;
        for (String jti : acks) {
            long position = Acknowledgements.position(stream.id(), jti);
            if (position > stream.ackedThrough()) {
                positions.add(position);
                highest = Math.max(highest, position);
            }
        }
        if (positions.isEmpty()) {
            streams.seen(stream.id(), now);
            return;
        }
        List<Long> pending = log.after(stream.ackedThrough(), stream.events(), positions.size()).stream()
                .map(Signal::position).toList();
        long to = Acknowledgements.advance(stream.ackedThrough(), pending, positions);
        if (to > stream.ackedThrough()) {
            streams.advance(stream.id(), stream.ackedThrough(), to, now);
        } else {
            streams.seen(stream.id(), now);
        }
    }

    private JsonObject answer(SignalStream stream, int max) {
        JsonObjectBuilder sets = Json.createObjectBuilder();
        boolean more = false;
        if (max > 0) {
            List<Signal> entries = log.after(stream.ackedThrough(), stream.events(), max + 1);
            more = entries.size() > max;
            for (Signal signal : entries.subList(0, Math.min(max, entries.size()))) {
                sets.add(jti(stream, signal), tokens.mint(signal, stream.id(), stream.clientId()));
            }
        }
        return Json.createObjectBuilder().add("sets", sets).add("moreAvailable", more).build();
    }

    private static String jti(SignalStream stream, Signal signal) {
        return Acknowledgements.jti(stream.id(), signal.position());
    }

    /**
     * Checks every waiting poll, each on an executor thread of its own (a SET is signed per stream, and a
     * revocation should not wait for the other streams' signatures): answered when it has entries or its
     * time is up. A poll already being checked is checked again right after, so no wake-up is lost.
     */
    private void checkWaiting() {
        for (Waiting poll : waiting) {
            check(poll);
        }
    }

    private void check(Waiting poll) {
        poll.again().set(true);
        if (!poll.busy().compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                while (poll.again().getAndSet(false)) {
                    if (poll.response().isDone()) {
                        waiting.remove(poll);
                        return;
                    }
                    JsonObject answer = answer(poll.stream(), poll.maxEvents());
                    if (answer.getJsonObject("sets").size() > 0 || !clock.instant().isBefore(poll.deadline())) {
                        if (waiting.remove(poll)) {
                            poll.response().resume(answer);
                        }
                        return;
                    }
                }
            } catch (RuntimeException e) { // the database failed: the receiver polls again
                if (waiting.remove(poll)) {
                    poll.response().resume(e);
                }
            } finally {
                poll.busy().set(false);
            }
            if (poll.again().get() && waiting.contains(poll)) {
                check(poll); // woken between the last check and the release
            }
        });
    }

    static List<String> supportedEvents() {
        List<String> uris = new ArrayList<>();
        for (Signal.Kind kind : Signal.Kind.values()) {
            uris.add(kind.uri());
        }
        return uris;
    }
}
