package dev.hallpass.alerting.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.alerting.control.Alert;
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
import java.util.List;

/** {@code GET /api/admin/alerts?limit=}: the alerts every node fired, newest first, with their delivery (admins only). */
@ApplicationScoped
@Path("admin/alerts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    static final int MAX_LIMIT = 500;

    @Inject
    AlertMonitor monitor;

    @GET
    public List<Alert> recent(@QueryParam("limit") @DefaultValue("100") String limit) {
        return monitor.recent(Parameters.number(limit, "limit", 1, MAX_LIMIT));
    }
}
