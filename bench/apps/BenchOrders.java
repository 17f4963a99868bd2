package bench.apps;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Benchmark downstream service (never part of Hallpass): MicroProfile JWT, with or without hallpass-client. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class BenchOrders extends Application {

    @RequestScoped
    @Path("orders")
    public static class Orders {

        @Inject
        JsonWebToken caller;

        @GET
        @RolesAllowed({"user", "admin"})
        public String orders() {
            return "orders of " + caller.getName();
        }
    }
}
