package dev.hallpass.session.search;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.boundary.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code DELETE /api/admin/accounts/{username}/sessions?reason=}: ends every live session of the user; answers how
 * many. A root resource of its own: JAX-RS picks the root whose path matches most literally and never falls back
 * to another, so under {@code admin} (beside the account feature's {@code admin/accounts}) it was unreachable.
 */
@ApplicationScoped
@Path("admin/accounts/{username}/sessions")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountSessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentSession current;

    @DELETE
    public JsonObject killAll(@PathParam("username") String username, @QueryParam("reason") String reason) {
        int ended = sessions.killAll(Usernames.parse(username), current.requireUsername(), reason);
        return Json.createObjectBuilder().add("ended", ended).build();
    }
}
