package dev.hallpass.admin;

import dev.hallpass.account.control.Usernames;
import dev.hallpass.problem.Parameters;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.control.SessionFilter;
import dev.hallpass.session.control.SessionRow;
import dev.hallpass.session.control.SessionSort;
import dev.hallpass.session.presence.Presence;
import dev.hallpass.session.search.SessionSearch;
import dev.hallpass.web.FacesFeedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live-session table: filters (user, IP prefix, device, state; also taken from the URL, so a
 * filtered view can be bookmarked), sorting, exact counts, and the three kills: one session, all of a
 * user's, everything the filter matches (after a confirmation that says how many).
 */
@Named
@ViewScoped
public class SessionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, SessionSort.Column> SORTABLE = Map.of(
            "username", SessionSort.Column.USER, "ipAddress", SessionSort.Column.IP, "device", SessionSort.Column.DEVICE,
            "createdAt", SessionSort.Column.CREATED, "lastSeenAt", SessionSort.Column.LAST_SEEN,
            "idleExpiresAt", SessionSort.Column.IDLE_EXPIRY, "absoluteExpiresAt", SessionSort.Column.ABSOLUTE_EXPIRY,
            "node", SessionSort.Column.NODE);

    @Inject
    Presence presence;

    @Inject
    SessionSearch search;

    @Inject
    SessionService sessions;

    @Inject
    CurrentSession current;

    private String user;
    private String ip;
    private String device;
    private SessionFilter.State state = SessionFilter.State.LIVE;
    private String reason;
    private long matchingLive;
    private SessionFilter filter = SessionFilter.LIVE;
    private final PresenceColumn online = new PresenceColumn();
    private final PagedTable<SessionRow> table = new PagedTable<>(this::count, this::page, SessionRow::handle);

    /** Reads the filter fields (from the form or the URL); a bad one leaves the last good filter and says why. */
    public void applyFilter() {
        FacesFeedback.attempt(() -> filter = new SessionFilter(Parameters.present(user).map(Usernames::parse),
                Parameters.ipPrefix(ip, "ip"), Parameters.text(device, "device", 64), state));
    }

    private long count() {
        return search.count(filter);
    }

    private List<SessionRow> page(int offset, int limit, String sortField, boolean ascending) {
        SessionSort sort = Optional.ofNullable(sortField).map(SORTABLE::get)
                .map(column -> new SessionSort(column, ascending)).orElse(SessionSort.DEFAULT);
        List<SessionRow> rows = search.page(filter, sort, offset, Math.min(limit, SessionSearch.MAX_PAGE));
        online.load(presence, rows.stream().map(SessionRow::username).toList());
        return rows;
    }

    public void kill(SessionRow row) {
        FacesFeedback.attempt(() -> {
            if (sessions.kill(row.handle(), current.requireUsername(), reason)) {
                FacesFeedback.info("sessions.killed", row.username(), row.handle());
            } else {
                FacesFeedback.error("sessions.already-ended", row.handle());
            }
        });
        reason = null;
    }

    public void killAllOf(String username) {
        FacesFeedback.attempt(() -> FacesFeedback.info("sessions.killed-of-user",
                sessions.killAll(username, current.requireUsername(), reason), username));
        reason = null;
    }

    /** Counts what "kill all matching" would end, for the confirmation. */
    public void prepareKillMatching() {
        matchingLive = filter.live().map(search::count).orElse(0L);
    }

    public void killMatching() {
        FacesFeedback.attempt(() -> FacesFeedback.info("sessions.killed-matching",
                search.killMatching(filter, current.requireUsername(), reason)));
        reason = null;
    }

    public SessionFilter.State[] getStates() {
        return SessionFilter.State.values();
    }

    public PagedTable<SessionRow> getTable() { return table; }

    public PresenceColumn getOnline() { return online; }
    public long getMatchingLive() { return matchingLive; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public String getDevice() { return device; }
    public void setDevice(String device) { this.device = device; }
    public SessionFilter.State getState() { return state; }
    public void setState(SessionFilter.State state) { this.state = state == null ? SessionFilter.State.LIVE : state; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
