package dev.hallpass.audit.boundary;

import dev.hallpass.audit.control.SecurityEventQuery;
import dev.hallpass.audit.control.SecurityEventRepository;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.client.RequestId;
import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Records security events: logged at once as one line with the session handle (never a secret) and the
 * request id ({@code -} for what a background job found), and
 * persisted off the request path, in a transaction of its own (a refused request still leaves its
 * trace). If the executor refuses the work, the event is written on the caller's thread instead.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

    @Inject
    SecurityEventRepository repository;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<SecurityEventRecorded> recorded;

    @Inject
    @ApplicationMetrics
    MetricRegistry registry;

    private final Map<SecurityEvent.Type, Counter> counted = new EnumMap<>(SecurityEvent.Type.class);

    /** Every type's series from the first scrape (zeros included), so alert rules see a counter start at 0. */
    @PostConstruct
    void register() {
        Metadata events = Metadata.builder().withName("hallpass.security.events")
                .withDescription("Security events this node recorded, by type").build();
        for (SecurityEvent.Type type : SecurityEvent.Type.values()) {
            counted.put(type, registry.counter(events, new Tag("type", type.name().toLowerCase(Locale.ROOT))));
        }
    }

    void atStart(@Observes Startup startup) {
        // created at start, not at the first event: the series exist from the first scrape
    }

    /** Events handed to the executor and not yet written; bounded by {@link #MAX_PENDING}. */
    private final AtomicInteger pending = new AtomicInteger();
    static final int MAX_PENDING = 1_000;

    public void record(SecurityEvent.Type type, String username, String sessionHandle, ClientInfo client, String detail) {
        record(type, username, sessionHandle, client.ipAddress(), client.userAgent(), detail);
    }

    public void record(SecurityEvent.Type type, String username, String sessionHandle, String ipAddress,
                       String userAgent, String detail) {
        SecurityEvent event = new SecurityEvent(type, clock.instant(), username, sessionHandle, ipAddress, userAgent, detail);
        String request = RequestId.forLog();
        counted.get(type).inc();
        recorded.fire(new SecurityEventRecorded(type, username, event.occurredAt()));
        LOG.warning(() -> "security-event type=" + type + " request=" + request + " user=" + loggable(username)
                + " session=" + sessionHandle + " ip=" + loggable(ipAddress) + " detail=" + loggable(detail));
        if (pending.incrementAndGet() > MAX_PENDING) {
            // More events waiting than the bound: the caller writes its own (back-pressure instead of an
            // unbounded queue that a flood of requests could grow without limit).
            pending.decrementAndGet();
            persist(event);
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    persist(event);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException busy) {
            pending.decrementAndGet();
            persist(event);
        }
    }

    /**
     * A value as it may appear in a log line: control characters (CR, LF, ESC, …) and Unicode line
     * separators escaped as a backslash, {@code u} and four hex digits, so a client-chosen value (a user
     * agent in a detail) can neither forge a line nor drive a terminal (review L5). The database keeps
     * the value as it came.
     */
    static String loggable(String value) {
        if (value == null || value.chars().noneMatch(SecurityEvents::escaped)) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length() + 16);
        value.chars().forEach(c -> {
            if (escaped(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.append((char) c);
            }
        });
        return text.toString();
    }

    private static boolean escaped(int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029;
    }

    private void persist(SecurityEvent event) {
        try {
            repository.add(event);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not store security event " + event.type() + " of " + event.username(), e);
        }
    }

    public List<SecurityEventView> find(SecurityEventQuery query) {
        return repository.find(query).stream().map(SecurityEventView::of).toList();
    }

    public long count(SecurityEventQuery query) {
        return repository.count(query);
    }

    /** How many events of the type occurred in each minute of {@code [from, to)}, by the minute's start. */
    public Map<Instant, Long> perMinute(SecurityEvent.Type type, Instant from, Instant to) {
        return repository.perMinute(type, from, to);
    }
}
