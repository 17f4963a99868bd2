package dev.hallpass.session.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.infrastructure.web.CurrentSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Administrators end sessions: one by handle, or every session of a user. The end takes the same path
 * as a logout (every node at once) and is recorded with who did it.
 */
@ApplicationScoped
@Path("admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentSession current;

    /** 204 when it ended now; 404 for an unknown handle or one that had ended already. */
    @DELETE
    @Path("sessions/{handle}")
    public Response kill(@PathParam("handle") String handle) {
        if (!sessions.kill(handle, current.requireUsername())) {
            throw new NotFoundException("No live session " + handle);
        }
        return Response.noContent().build();
    }

    /** Ends every live session of the user; answers how many. */
    @DELETE
    @Path("accounts/{username}/sessions")
    public JsonObject killAll(@PathParam("username") String username) {
        int ended = sessions.killAll(Usernames.parse(username), current.requireUsername());
        return Json.createObjectBuilder().add("ended", ended).build();
    }
}
