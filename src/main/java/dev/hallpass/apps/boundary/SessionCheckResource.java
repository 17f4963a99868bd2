package dev.hallpass.apps.boundary;

import dev.hallpass.client.ClientInfo;
import dev.hallpass.client.IpAddresses;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.token.boundary.TokenClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Session introspection for the shop's server-rendered applications ({@code POST /api/apps/session}, a
 * client of {@code hallpass.token.clients} with HTTP Basic): is the Hallpass session cookie a browser
 * presented to that application live, and whose is it? The check is the same as Hallpass's own for that
 * browser (expiry, client binding with the browser's address and user agent as the application saw them),
 * and it counts as the browser's activity (the idle timeout slides).
 */
@ApplicationScoped
@Path("apps")
@Produces(MediaType.APPLICATION_JSON)
public class SessionCheckResource {

    private static final int MAX_SECRET = 100;

    @Inject
    TokenClients clients;

    @Inject
    SessionService sessions;

    @Inject
    HttpServletRequest request;

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject check(@FormParam("session") String secret, @FormParam("ip") String ip,
                            @FormParam("user_agent") String userAgent) {
        clients.require(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
            return Json.createObjectBuilder().add("active", false).build();
        }
        String address = ip == null ? "" : IpAddresses.parse(ip).map(IpAddresses::canonical).orElse("");
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 512));
        Optional<ActiveSession> session = sessions.authenticate(secret, new ClientInfo(address, agent));
        if (session.isEmpty()) {
            return Json.createObjectBuilder().add("active", false).build();
        }
        ActiveSession live = session.get();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        live.roles().stream().sorted().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("active", true)
                .add("sid", live.handle())
                .add("sub", live.username())
                .add("roles", roles)
                .add("exp", Math.min(live.idleExpiresAt().getEpochSecond(), live.absoluteExpiresAt().getEpochSecond()))
                .build();
    }
}
