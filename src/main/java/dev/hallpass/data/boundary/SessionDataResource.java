package dev.hallpass.data.boundary;

import dev.hallpass.data.control.DataScope;
import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.web.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/** {@code /api/sessions/current/data/{name}}: documents of the caller's session; they end with it. */
@ApplicationScoped
@Path("sessions/current/data")
@Authenticated
public class SessionDataResource extends DataEndpoints {

    @Override
    DataScope scope() {
        return DataScope.SESSION;
    }

    @Override
    String owner() {
        return current.handle().orElseThrow(Unauthenticated::new);
    }
}
