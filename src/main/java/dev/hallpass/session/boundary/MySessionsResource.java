package dev.hallpass.session.boundary;

import dev.hallpass.infrastructure.web.Authenticated;
import dev.hallpass.infrastructure.web.CurrentSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's own live sessions (their devices). */
@ApplicationScoped
@Path("sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentSession current;

    @GET
    public List<DeviceSession> list() {
        return sessions.sessionsOf(current.require());
    }
}
