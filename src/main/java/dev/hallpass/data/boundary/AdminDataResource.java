package dev.hallpass.data.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.data.control.DataScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/admin/data/users/{username}} and {@code GET /api/admin/data/sessions/{handle}}: an
 * administrator reads (never writes) a user's or a session's documents, with their content. Under a root of
 * its own, {@code admin/data}, so no other feature's {@code admin/…} root shadows it.
 */
@ApplicationScoped
@Path("admin/data")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminDataResource {

    @Inject
    SharedData data;

    @GET
    @Path("users/{username}")
    public JsonObject ofUser(@PathParam("username") String username) {
        return DataEndpoints.listing(data.list(DataScope.USER, Usernames.parse(username)), true);
    }

    @GET
    @Path("sessions/{handle}")
    public JsonObject ofSession(@PathParam("handle") String handle) {
        return DataEndpoints.listing(data.list(DataScope.SESSION, handle), true);
    }
}
