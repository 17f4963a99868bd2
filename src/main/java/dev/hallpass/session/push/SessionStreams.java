package dev.hallpass.session.push;

import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.SessionEnded;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.control.SessionEndAnnounced;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The open event streams of this node, by session handle. A session's end reaches them two ways: the
 * {@link SessionEnded} of the node that ended it (at once, and the only way without Redis) and the
 * {@link SessionEndAnnounced} every node gets from Redis pub/sub; whichever comes first sends
 * {@code session-ended} and closes the streams, the other finds none. A periodic check sends
 * {@code session-expiring} ahead of the idle or absolute expiry, ends sessions that ran out, writes a
 * heartbeat (which also finds connections that went away) and retires streams past their age. The
 * streams hold no request thread: the sink is written from whichever thread has something to say.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = SessionStreams.PUSH_EXECUTOR, maxAsync = 2)
public class SessionStreams {

    /** Threads that tell and close a session's streams when this node ends it (not the default executor: see onEnded). */
    static final String PUSH_EXECUTOR = "java:app/concurrent/hallpass-push";

    private static final Logger LOG = Logger.getLogger(SessionStreams.class.getName());
    private static final SessionNotice UNKNOWN_END = SessionNotice.UNKNOWN;

    /** One browser tab's stream. {@code warnedFor} is the expiry already warned about. */
    private static final class Stream {
        final ActiveSession session;
        final SseEventSink sink;
        final Instant openedAt;
        /** The language of the request that opened the stream: every sentence sent on it is in it. */
        final Locale locale;
        volatile Instant warnedFor;
        volatile Instant lastWrite;
        final AtomicBoolean closed = new AtomicBoolean();

        Stream(ActiveSession session, SseEventSink sink, Instant openedAt, Locale locale) {
            this.session = session;
            this.sink = sink;
            this.openedAt = openedAt;
            this.locale = locale;
            this.lastWrite = openedAt;
        }
    }

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    @Inject
    Event<StreamOpened> opened;

    @Inject
    @ConfigProperty(name = "hallpass.push.expiry-warning", defaultValue = "PT2M")
    Duration expiryWarning;

    @Inject
    @ConfigProperty(name = "hallpass.push.check-interval", defaultValue = "PT5S")
    Duration checkInterval;

    @Inject
    @ConfigProperty(name = "hallpass.push.heartbeat", defaultValue = "PT25S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "hallpass.push.max-streams", defaultValue = "20000")
    int maxStreams;

    @Inject
    @ConfigProperty(name = "hallpass.push.max-streams-per-session", defaultValue = "8")
    int maxPerSession;

    @Inject
    @ConfigProperty(name = "hallpass.push.max-stream-age", defaultValue = "PT1H")
    Duration maxAge;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = PUSH_EXECUTOR)
    ManagedExecutorService closer;

    @Inject
    @ApplicationMetrics
    MetricRegistry metrics;

    private Sse sse;
    private final Map<String, Set<Stream>> byHandle = new ConcurrentHashMap<>();
    /** Sessions a check found ended with their streams still open: the announcement with the reason gets one more check. */
    private final Set<String> endSeen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private ScheduledFuture<?> checks;

    void start(@Observes Startup startup) {
        metrics.gauge(Metadata.builder().withName("hallpass.push.streams.open")
                .withDescription("Event streams (GET /api/events) open on this node").build(), open, AtomicInteger::get);
        long millis = checkInterval.toMillis();
        checks = scheduler.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
        byHandle.values().forEach(streams -> streams.forEach(this::close));
    }

    /**
     * Keeps the sink as this session's stream and greets it with {@code ready}. Refused with 503 when
     * the node holds {@code hallpass.push.max-streams}; a session's oldest stream is closed past
     * {@code max-streams-per-session}.
     */
    public void open(ActiveSession session, SseEventSink sink, Sse sse, Locale locale) {
        this.sse = sse;
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new TooManyStreams();
        }
        Stream stream = new Stream(session, sink, clock.instant(), locale);
        // compute, not computeIfAbsent-then-add: an end removing the set in between would orphan the stream (review L6)
        Set<Stream> streams = byHandle.compute(session.handle(), (handle, current) -> {
            Set<Stream> set = current == null ? ConcurrentHashMap.newKeySet() : current;
            set.add(stream);
            return set;
        });
        if (streams.size() > maxPerSession) {
            streams.stream().min(Comparator.comparing(s -> s.openedAt)).ifPresent(oldest -> {
                if (streams.remove(oldest)) {
                    close(oldest);
                }
            });
        }
        send(stream, "ready", Json.createObjectBuilder().add("session", session.handle())
                .add("idleExpiresAt", session.idleExpiresAt().toString())
                .add("absoluteExpiresAt", session.absoluteExpiresAt().toString()).build());
        if (sessions.watch(session.handle()).isEmpty()) {
            ended(session.handle(), UNKNOWN_END); // ended while the stream was being opened
        }
        opened.fire(new StreamOpened(session.username()));
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        // not on the ending request's thread: closing a stream completes that stream's async request, and the
        // container then ends the request context of the thread that did it (a console kill of a session with
        // an open stream lost its own page's request-scoped beans and answered with an error); not on the
        // default scheduled executor either, whose one thread runs every periodic task of the application
        closer.execute(() -> ended(ended.handle(), SessionNotice.of(ended.reason())));
    }

    void onAnnounced(@Observes SessionEndAnnounced announced) {
        ended(announced.handle(), SessionNotice.of(announced.reason()));
    }

    private void ended(String handle, SessionNotice notice) {
        endSeen.remove(handle);
        Set<Stream> streams = byHandle.remove(handle);
        if (streams == null) {
            return;
        }
        for (Stream stream : streams) {
            send(stream, "session-ended", Json.createObjectBuilder().add("reason", notice.reason())
                    .add("message", notice.message(stream.locale)).build());
            close(stream);
        }
    }

    /** The users with an open stream on this node right now (presence). */
    public Set<String> openUsers() {
        Set<String> users = new HashSet<>();
        byHandle.values().forEach(streams -> streams.forEach(stream -> {
            if (!stream.closed.get() && !stream.sink.isClosed()) {
                users.add(stream.session.username());
            }
        }));
        return users;
    }

    /**
     * Sends an event to the open streams of one user's sessions on this node: of every session
     * ({@code handle} null), or of one session's tabs. Returns how many streams it went to.
     */
    public int tell(String username, String handle, String name, JsonObject data) {
        int told = 0;
        for (Map.Entry<String, Set<Stream>> entry : byHandle.entrySet()) {
            if (handle != null && !handle.equals(entry.getKey())) {
                continue;
            }
            for (Stream stream : entry.getValue()) {
                if (stream.session.username().equals(username) && !stream.closed.get()) {
                    send(stream, name, data);
                    told++;
                }
            }
        }
        return told;
    }

    /** The periodic pass: expiry warnings, run-out sessions, heartbeats, old and broken streams. */
    void check() {
        try {
            Instant now = clock.instant();
            for (Map.Entry<String, Set<Stream>> entry : byHandle.entrySet()) {
                Optional<ActiveSession> live = sessions.watch(entry.getKey());
                if (live.isEmpty()) {
                    // watch ended it just now (its streams are closed already), or its end committed and the
                    // announcement with the reason is on its way (from this node, pub/sub or the reconciler):
                    // give it until the next check, then close with what is known
                    if (!endSeen.add(entry.getKey())) {
                        ended(entry.getKey(), UNKNOWN_END);
                    }
                    continue;
                }
                for (Stream stream : List.copyOf(entry.getValue())) {
                    checkOne(entry.getValue(), stream, live.get(), now);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event stream check failed; next one in " + checkInterval, e);
        }
    }

    private void checkOne(Set<Stream> streams, Stream stream, ActiveSession session, Instant now) {
        if (stream.sink.isClosed() || Duration.between(stream.openedAt, now).compareTo(maxAge) > 0) {
            if (streams.remove(stream)) {
                close(stream);
            }
            return;
        }
        boolean idleFirst = !session.idleExpiresAt().isAfter(session.absoluteExpiresAt());
        Instant expiresAt = idleFirst ? session.idleExpiresAt() : session.absoluteExpiresAt();
        if (!expiresAt.minus(expiryWarning).isAfter(now) && !expiresAt.equals(stream.warnedFor)) {
            stream.warnedFor = expiresAt;
            long secondsLeft = Math.max(0, Duration.between(now, expiresAt).toSeconds());
            send(stream, "session-expiring", Json.createObjectBuilder()
                    .add("expiresAt", expiresAt.toString()).add("kind", idleFirst ? "idle" : "absolute")
                    .add("secondsLeft", secondsLeft)
                    .add("message", SessionNotice.expiring(stream.locale, idleFirst, secondsLeft)).build());
        } else if (Duration.between(stream.lastWrite, now).compareTo(heartbeat) >= 0) {
            send(stream, null, null);
        }
    }

    /** Writes one event ({@code name} null: a heartbeat comment); a failed write drops the stream. */
    private void send(Stream stream, String name, JsonObject data) {
        OutboundSseEvent event = name == null ? sse.newEventBuilder().comment("heartbeat").build()
                : sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.toString()).build();
        stream.lastWrite = clock.instant();
        stream.sink.send(event).whenComplete((done, failure) -> {
            if (failure != null) {
                Set<Stream> streams = byHandle.get(stream.session.handle());
                if (streams != null && streams.remove(stream)) {
                    close(stream);
                }
            }
        });
    }

    /** Closes once, however many paths (end, check, failed write) reach the same stream. */
    private void close(Stream stream) {
        if (!stream.closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stream.sink.close();
        } catch (RuntimeException alreadyGone) {
            LOG.log(Level.FINE, "Event stream already closed", alreadyGone);
        } finally {
            open.decrementAndGet();
        }
    }
}
