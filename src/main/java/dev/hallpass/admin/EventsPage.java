package dev.hallpass.admin;

import dev.hallpass.account.control.Usernames;
import dev.hallpass.audit.boundary.SecurityEventView;
import dev.hallpass.audit.boundary.SecurityEvents;
import dev.hallpass.audit.control.SecurityEventQuery;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.problem.Parameters;
import dev.hallpass.web.FacesFeedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Security events, newest first, filtered by type, user, IP prefix and a time range (UTC). */
@Named
@ViewScoped
public class EventsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityEvents events;

    private SecurityEvent.Type type;
    private String user;
    private String ip;
    private LocalDateTime from;
    private LocalDateTime to;
    /** The filters; its page is set per table request. */
    private SecurityEventQuery query = query(Optional.empty(), Optional.empty(), Optional.empty(), null, null);
    private final PagedTable<SecurityEventView> table = new PagedTable<>(this::count, this::page, EventsPage::key);

    public void applyFilter() {
        FacesFeedback.attempt(() -> query = query(Optional.ofNullable(type), Parameters.present(user).map(Usernames::parse),
                Parameters.ipPrefix(ip, "ip"), from, to));
    }

    private static SecurityEventQuery query(Optional<SecurityEvent.Type> type, Optional<String> user, Optional<String> ip,
                                            LocalDateTime from, LocalDateTime to) {
        return new SecurityEventQuery(type, user, ip, utc(from), utc(to), 0, 1);
    }

    private static Optional<Instant> utc(LocalDateTime time) {
        return Optional.ofNullable(time).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    private long count() {
        return events.count(query);
    }

    private List<SecurityEventView> page(int offset, int limit, String sortField, boolean ascending) {
        return events.find(query.page(offset, Math.min(limit, SecurityEventQuery.MAX_LIMIT)));
    }

    private static String key(SecurityEventView event) {
        return event.occurredAt() + "/" + event.type() + "/" + event.sessionHandle();
    }

    public SecurityEvent.Type[] getTypes() {
        return SecurityEvent.Type.values();
    }

    public PagedTable<SecurityEventView> getTable() { return table; }
    public SecurityEvent.Type getType() { return type; }
    public void setType(SecurityEvent.Type type) { this.type = type; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
}
