package dev.hallpass.apps.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.problem.Forbidden;
import dev.hallpass.problem.InvalidInput;
import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.session.presence.Presence;
import dev.hallpass.session.presence.PresenceFeed;
import dev.hallpass.token.boundary.TokenClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Presence for the shop's applications (a client of {@code hallpass.token.clients}, HTTP Basic) and for
 * administrators: {@code GET /api/presence?user=a&user=b} answers who is online and when each was last seen;
 * {@code GET /api/presence/events?user=…} is a stream of {@code presence} and then {@code presence-changed} events.
 */
@ApplicationScoped
@Path("presence")
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    @Inject
    TokenClients clients;

    @Inject
    Presence presence;

    @Inject
    PresenceFeed feed;

    @Inject
    HttpServletRequest request;

    @GET
    public JsonObject now(@QueryParam("user") List<String> users) {
        allowed();
        JsonArrayBuilder answer = Json.createArrayBuilder();
        presence.of(List.copyOf(usernames(users))).values().forEach(user -> answer.add(PresenceFeed.json(user)));
        return Json.createObjectBuilder().add("users", answer).build();
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("user") List<String> users, @Context SseEventSink sink, @Context Sse sse) {
        allowed();
        feed.watch(usernames(users), sink, sse);
    }

    /** A registered client (Basic), or a logged-in administrator. */
    private void allowed() {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            clients.require(authorization);
        } else if (request.getUserPrincipal() == null) {
            throw new Unauthenticated();
        } else if (!request.isUserInRole(Roles.ADMIN)) {
            throw new Forbidden("forbidden.presence");
        }
    }

    private static Set<String> usernames(List<String> users) {
        if (users == null || users.isEmpty() || users.size() > Presence.MAX_USERS) {
            throw new InvalidInput("user", "presence-users", Presence.MAX_USERS);
        }
        Set<String> canonical = new LinkedHashSet<>();
        users.forEach(user -> canonical.add(Usernames.parse(user)));
        return canonical;
    }
}
