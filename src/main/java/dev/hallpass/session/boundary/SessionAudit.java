package dev.hallpass.session.boundary;

import dev.hallpass.audit.boundary.SecurityEvents;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.session.entity.EndReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Turns session incidents and ends into security events. Ends that many sessions share one cause
 * (logout everywhere, account disabled, password or roles changed) and theft are recorded once, by
 * whatever caused them; this records the ends that belong to one session.
 */
@ApplicationScoped
public class SessionAudit {

    @Inject
    SecurityEvents events;

    void onIncident(@Observes SessionIncident incident) {
        events.record(incident.type(), incident.username(), incident.handle(), incident.client(), incident.detail());
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        eventFor(ended.reason()).ifPresent(type -> events.record(type, ended.username(), ended.handle(), ended.client(),
                ended.detail() == null ? "session ended: " + ended.reason() : ended.detail()));
    }

    static Optional<SecurityEvent.Type> eventFor(EndReason reason) {
        return Optional.ofNullable(switch (reason) {
            case LOGOUT -> SecurityEvent.Type.LOGOUT;
            case IDLE_TIMEOUT -> SecurityEvent.Type.IDLE_TIMEOUT;
            case ABSOLUTE_TIMEOUT -> SecurityEvent.Type.ABSOLUTE_TIMEOUT;
            case EVICTED -> SecurityEvent.Type.SESSION_EVICTED;
            case KILLED -> SecurityEvent.Type.SESSION_KILLED;
            case LOGOUT_ALL, REPLACED_BY_LOGIN, ACCOUNT_DISABLED, PASSWORD_CHANGED, PRIVILEGE_CHANGED,
                 REFRESH_TOKEN_REUSE, SESSION_SECRET_REUSE, IP_CHANGED, USER_AGENT_CHANGED -> null;
        });
    }
}
