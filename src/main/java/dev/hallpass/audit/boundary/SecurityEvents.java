package dev.hallpass.audit.boundary;

import dev.hallpass.audit.control.SecurityEventRepository;
import dev.hallpass.audit.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records security events: persisted in a transaction of their own (a refused request must still
 * leave its trace) and logged as one line with the session handle, never a secret.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

    @Inject
    SecurityEventRepository repository;

    @Inject
    Clock clock;

    public void record(SecurityEvent.Type type, String username, String sessionHandle, String ipAddress,
                       String userAgent, String detail) {
        repository.add(new SecurityEvent(type, clock.instant(), username, sessionHandle, ipAddress, userAgent, detail));
        LOG.warning(() -> "security-event type=" + type + " user=" + username + " session=" + sessionHandle
                + " ip=" + ipAddress + " detail=" + detail);
    }

    public List<SecurityEvent> ofUser(String username) {
        return repository.ofUser(username);
    }
}
