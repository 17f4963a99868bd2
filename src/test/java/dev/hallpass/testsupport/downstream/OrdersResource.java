package dev.hallpass.testsupport.downstream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Answers only callers with a Hallpass access token carrying the {@code user} group. */
@RequestScoped
@Path("orders")
public class OrdersResource {

    @Inject
    JsonWebToken caller;

    @GET
    @RolesAllowed("user")
    public String orders() {
        return "orders of " + caller.getName() + " in session " + caller.getClaim("sid");
    }
}
