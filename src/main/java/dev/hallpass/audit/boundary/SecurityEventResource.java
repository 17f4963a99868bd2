package dev.hallpass.audit.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.audit.control.SecurityEventQuery;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.problem.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/admin/security-events?type=&user=&ip=&from=&to=&offset=&limit=}: security events,
 * newest first, every filter optional (admins only). {@code ip} matches a prefix; {@code from} and
 * {@code to} are ISO-8601 instants. The total number of matches is in {@code X-Total-Count}.
 */
@ApplicationScoped
@Path("admin/security-events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventResource {

    @Inject
    SecurityEvents events;

    @GET
    public Response find(@QueryParam("type") String type, @QueryParam("user") String user, @QueryParam("ip") String ip,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("offset") @DefaultValue("0") String offset,
                         @QueryParam("limit") @DefaultValue("100") String limit) {
        SecurityEventQuery query = new SecurityEventQuery(Parameters.choice(type, "type", SecurityEvent.Type.class),
                Parameters.present(user).map(Usernames::parse), Parameters.ipPrefix(ip, "ip"),
                Parameters.instant(from, "from"), Parameters.instant(to, "to"),
                Parameters.number(offset, "offset", 0, Integer.MAX_VALUE),
                Parameters.number(limit, "limit", 1, SecurityEventQuery.MAX_LIMIT));
        return Response.ok(events.find(query))
                .header("X-Total-Count", events.count(query)).build();
    }
}
