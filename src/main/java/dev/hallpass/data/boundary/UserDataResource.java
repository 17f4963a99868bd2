package dev.hallpass.data.boundary;

import dev.hallpass.data.control.DataScope;
import dev.hallpass.web.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/** {@code /api/me/data/{name}}: the caller's own documents, shared by all their sessions; erased with the account. */
@ApplicationScoped
@Path("me/data")
@Authenticated
public class UserDataResource extends DataEndpoints {

    @Override
    DataScope scope() {
        return DataScope.USER;
    }

    @Override
    String owner() {
        return current.requireUsername();
    }
}
