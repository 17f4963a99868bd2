package dev.hallpass.session.search;

import dev.hallpass.account.control.Roles;
import dev.hallpass.problem.InvalidInput;
import dev.hallpass.problem.NotFound;
import dev.hallpass.problem.Parameters;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.control.SessionFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Administrators find sessions and end them: one by handle, or every session of a user, with an
 * optional {@code reason}. The end takes the same path as a logout (every node at once) and is
 * recorded with who did it and why.
 */
@ApplicationScoped
@Path("admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionResource {

    @Inject
    SessionService sessions;

    @Inject
    SessionSearch search;

    @Inject
    CurrentSession current;

    /**
     * {@code GET /api/admin/sessions?user=&ip=&device=&state=&sort=&order=&offset=&limit=}: one page of
     * sessions (live ones by default), the exact number of matches in {@code X-Total-Count}.
     */
    @GET
    @Path("sessions")
    public Response find(@BeanParam SessionSearchParameters query) {
        SessionFilter filter = query.filter();
        return Response.ok(search.page(filter, query.sort(), query.offset(), query.limit()))
                .header("X-Total-Count", search.count(filter)).build();
    }

    /**
     * {@code DELETE /api/admin/sessions?user=&ip=&device=&createdBefore=&role=&reason=}: ends every live session the
     * filters match (every live session with {@code all=true} and no filter), in batches, each as a kill (every
     * node, its security event); answers how many. {@code role=admin} makes every administrator log in again.
     */
    @DELETE
    @Path("sessions")
    public JsonObject killMatching(@BeanParam SessionSearchParameters query, @QueryParam("all") @DefaultValue("false") String all,
                                   @QueryParam("reason") String reason) {
        SessionFilter filter = query.filter();
        boolean everything = Parameters.flag(all, "all");
        if (!filter.narrows() && !everything) {
            throw new InvalidInput("all", "filter-or-all");
        }
        return Json.createObjectBuilder().add("ended", search.killMatching(filter, current.requireUsername(), reason)).build();
    }

    /** 204 when it ended now; 404 for an unknown handle or one that had ended already. */
    @DELETE
    @Path("sessions/{handle}")
    public Response kill(@PathParam("handle") String handle, @QueryParam("reason") String reason) {
        if (!sessions.kill(handle, current.requireUsername(), reason)) {
            throw new NotFound("not-found.live-session", handle);
        }
        return Response.noContent().build();
    }
}
