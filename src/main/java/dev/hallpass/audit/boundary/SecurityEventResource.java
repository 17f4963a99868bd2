package dev.hallpass.audit.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.audit.control.SecurityEventQuery;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.problem.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /api/admin/security-events?type=&user=&ip=&from=&to=&offset=&limit=}: security events,
 * newest first, every filter optional (admins only). {@code ip} matches a prefix; {@code from} and
 * {@code to} are ISO-8601 instants. The total number of matches is in {@code X-Total-Count}.
 */
@ApplicationScoped
@Path("admin/security-events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventResource {

    private static final Pattern IP_PREFIX = Pattern.compile("[0-9A-Fa-f:.]{1,45}");

    @Inject
    SecurityEvents events;

    @GET
    public Response find(@QueryParam("type") String type, @QueryParam("user") String user, @QueryParam("ip") String ip,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("offset") @DefaultValue("0") String offset,
                         @QueryParam("limit") @DefaultValue("100") String limit) {
        SecurityEventQuery query = new SecurityEventQuery(type(type), present(user).map(Usernames::parse),
                present(ip).map(SecurityEventResource::ipPrefix), present(from).map(t -> instant(t, "from")),
                present(to).map(t -> instant(t, "to")), number(offset, "offset", 0, Integer.MAX_VALUE),
                number(limit, "limit", 1, SecurityEventQuery.MAX_LIMIT));
        return Response.ok(events.find(query).stream().map(SecurityEventView::of).toList())
                .header("X-Total-Count", events.count(query)).build();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Optional<SecurityEvent.Type> type(String value) {
        return present(value).map(v -> {
            try {
                return SecurityEvent.Type.valueOf(v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("type", "is not a security event type");
            }
        });
    }

    private static String ipPrefix(String value) {
        if (!IP_PREFIX.matcher(value).matches()) {
            throw new InvalidInput("ip", "must be the start of an IP address");
        }
        return value;
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static int number(String value, String field, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput(field, "must be a whole number from " + min + " to " + max);
    }
}
