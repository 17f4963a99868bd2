package dev.hallpass.session.search;

import java.util.List;
import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.problem.Parameters;
import dev.hallpass.session.control.SessionFilter;
import dev.hallpass.session.control.SessionSort;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The query of {@code GET} and {@code DELETE /api/admin/sessions}, parsed field by field (a 400 names the bad one). */
public class SessionSearchParameters {

    @QueryParam("user") String user;
    @QueryParam("ip") String ip;
    @QueryParam("device") String device;
    @QueryParam("state") String state;
    @QueryParam("createdBefore") String createdBefore;
    @QueryParam("role") String role;
    @QueryParam("sort") String sort;
    @QueryParam("order") String order;
    @QueryParam("offset") @DefaultValue("0") String offset;
    @QueryParam("limit") @DefaultValue("50") String limit;

    SessionFilter filter() {
        return new SessionFilter(Parameters.present(user).map(Usernames::parse), Parameters.ipPrefix(ip, "ip"),
                Parameters.text(device, "device", 64), Parameters.instant(createdBefore, "createdBefore"),
                Parameters.present(role).map(r -> Roles.parse(List.of(r)).iterator().next()),
                Parameters.choice(state, "state", SessionFilter.State.class).orElse(SessionFilter.State.LIVE));
    }

    SessionSort sort() {
        return new SessionSort(Parameters.choice(sort, "sort", SessionSort.Column.class).orElse(SessionSort.DEFAULT.column()),
                Parameters.present(order).map("asc"::equalsIgnoreCase).orElse(false));
    }

    int offset() {
        return Parameters.number(offset, "offset", 0, Integer.MAX_VALUE);
    }

    int limit() {
        return Parameters.number(limit, "limit", 1, SessionSearch.MAX_PAGE);
    }
}
