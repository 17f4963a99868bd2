package dev.hallpass.audit.control;

import dev.hallpass.audit.entity.SecurityEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The security events; implemented with JPA in infrastructure. */
public interface SecurityEventRepository {

    /** Stores the event in a transaction of its own: a refused request must still leave its trace. */
    void add(SecurityEvent event);

    /** One page of the events that match, newest first. */
    List<SecurityEvent> find(SecurityEventQuery query);

    /** How many events match, ignoring paging. */
    long count(SecurityEventQuery query);

    /** How many events of the type occurred in each minute (by its start) of {@code [from, to)}; empty minutes absent. */
    Map<Instant, Long> perMinute(SecurityEvent.Type type, Instant from, Instant to);
}
