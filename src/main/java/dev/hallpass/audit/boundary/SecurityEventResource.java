package dev.hallpass.audit.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/admin/security-events?user=…}: a user's security events, newest first (admins only). */
@ApplicationScoped
@Path("admin/security-events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventResource {

    @Inject
    SecurityEvents events;

    @GET
    public List<SecurityEventView> ofUser(@QueryParam("user") String user) {
        return events.ofUser(Usernames.parse(user)).stream().map(SecurityEventView::of).toList();
    }
}
