package dev.hallpass.audit.control;

import dev.hallpass.audit.entity.SecurityEvent;
import java.util.List;

/** The security events; implemented with JPA in infrastructure. */
public interface SecurityEventRepository {

    /** Stores the event in a transaction of its own: a refused request must still leave its trace. */
    void add(SecurityEvent event);

    /** The user's events, newest first. */
    List<SecurityEvent> ofUser(String username);
}
