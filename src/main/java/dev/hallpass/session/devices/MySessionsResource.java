package dev.hallpass.session.devices;

import dev.hallpass.account.boundary.PasswordRequest;
import dev.hallpass.client.ClientAddress;
import dev.hallpass.problem.NotFound;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.web.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The caller's own live sessions (their devices). Ending another one needs the password again, in the
 * body: {@code {"password": "…"}}. Someone else's handle is answered 404, exactly like an unknown one.
 */
@ApplicationScoped
@Path("sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {

    @Inject
    MyDevices devices;

    @Inject
    CurrentSession current;

    @Inject
    ClientAddress clients;

    @GET
    public List<DeviceSession> list() {
        return devices.list(current.require());
    }

    /** Ends one other session of the caller: 204, or 404 when it is not a live session of theirs. */
    @DELETE
    @Path("{handle}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response end(@PathParam("handle") String handle, PasswordRequest body) {
        if (!devices.endOther(current.require(), handle, PasswordRequest.require(body), clients.current())) {
            throw new NotFound("not-found.session", handle);
        }
        return Response.noContent().build();
    }

    /** Ends every session of the caller but this one; answers how many. */
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject endOthers(PasswordRequest body) {
        int ended = devices.endOthers(current.require(), PasswordRequest.require(body), clients.current());
        return Json.createObjectBuilder().add("ended", ended).build();
    }
}
