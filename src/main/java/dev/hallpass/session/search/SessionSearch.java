package dev.hallpass.session.search;

import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.control.SessionDirectory;
import dev.hallpass.session.control.SessionFilter;
import dev.hallpass.session.control.SessionRow;
import dev.hallpass.session.control.SessionSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The operator's view of all sessions: search, exact counts, and ending every session a filter matches. */
@ApplicationScoped
public class SessionSearch {

    public static final int MAX_PAGE = 500;
    private static final int KILL_BATCH = 200;

    @Inject
    SessionDirectory directory;

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    public long count(SessionFilter filter) {
        return directory.count(filter, clock.instant());
    }

    public List<SessionRow> page(SessionFilter filter, SessionSort sort, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit within 1.." + MAX_PAGE);
        }
        return directory.page(filter, sort, clock.instant(), offset, limit);
    }

    /**
     * Ends every live session the filter matches, each the way a single kill does (every node, one
     * security event naming the administrator); returns how many. Works in batches, never ends more
     * than matched when it began (logins meanwhile cannot keep it going) and stops when a batch ends nothing.
     */
    public int killMatching(SessionFilter filter, String byAdmin, String why) {
        Optional<SessionFilter> live = filter.live();
        if (live.isEmpty()) {
            return 0;
        }
        long matched = directory.count(live.get(), clock.instant());
        int ended = 0;
        int endedInBatch = -1;
        while (ended < matched && endedInBatch != 0) {
            endedInBatch = 0;
            for (String handle : directory.liveHandles(live.get(), clock.instant(), KILL_BATCH)) {
                endedInBatch += sessions.kill(handle, byAdmin, why) ? 1 : 0;
            }
            ended += endedInBatch;
        }
        return ended;
    }
}
