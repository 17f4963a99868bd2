package dev.hallpass.token.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.problem.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/admin/signing-keys/rotate?withdrawOld=true}: an emergency rotation (admins only; see
 * docs/runbook.md, "A signing key leaked"). Answers the new key id and how many keys were retired.
 */
@ApplicationScoped
@Path("admin/signing-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    @Inject
    SigningKeys keys;

    @POST
    @Path("rotate")
    public JsonObject rotate(@QueryParam("withdrawOld") @DefaultValue("false") String withdrawOld) {
        SigningKeys.Rotated rotated = keys.rotateNow(Parameters.flag(withdrawOld, "withdrawOld"));
        return Json.createObjectBuilder().add("kid", rotated.kid()).add("retired", rotated.retired())
                .add("withdrawn", rotated.withdrawn()).build();
    }
}
