package dev.hallpass.account.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.client.ClientAddress;
import dev.hallpass.problem.Conflict;
import dev.hallpass.problem.NotFound;
import dev.hallpass.problem.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Account administration, for admins only. */
@ApplicationScoped
@Path("admin/accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    SecurityContext security;

    @Inject
    ClientAddress clients;

    /** {@code GET /api/admin/accounts?q=&offset=&limit=}: accounts by name (prefix {@code q}), total in {@code X-Total-Count}. */
    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("offset") @DefaultValue("0") String offset,
                           @QueryParam("limit") @DefaultValue("50") String limit) {
        String prefix = Parameters.text(q, "q", 64).orElse("");
        return Response.ok(accounts.search(prefix, Parameters.number(offset, "offset", 0, Integer.MAX_VALUE),
                        Parameters.number(limit, "limit", 1, 500)))
                .header("X-Total-Count", accounts.count(prefix)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccountRequest body, @Context UriInfo uri) {
        AccountView created = accounts.create(NewAccountRequest.require(body).toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
                .entity(created).build();
    }

    @POST
    @Path("{username}/disable")
    public AccountView disable(@PathParam("username") String username) {
        return accounts.setEnabled(username, false, administrator(), clients.current());
    }

    @POST
    @Path("{username}/enable")
    public AccountView enable(@PathParam("username") String username) {
        return accounts.setEnabled(username, true, administrator(), clients.current());
    }

    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("username") String username, PasswordRequest body) {
        accounts.resetPassword(username, PasswordRequest.require(body), administrator(), clients.current());
        return Response.noContent().build();
    }

    /** Replaces the roles; a change ends every session of the account (privilege change). */
    @PUT
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView setRoles(@PathParam("username") String username, RolesRequest body) {
        return accounts.setRoles(username, RolesRequest.require(body), administrator(), clients.current());
    }

    /**
     * Erases the account: its sessions and tokens end everywhere, its shared data is erased, the account is
     * deleted (the name can be taken again). 204; an administrator cannot erase their own account (409).
     */
    @DELETE
    @Path("{username}")
    public Response erase(@PathParam("username") String username) {
        if (Usernames.canonical(username).equals(Usernames.canonical(administrator()))) {
            throw new Conflict("conflict.erase-self");
        }
        accounts.erase(username, administrator(), clients.current());
        return Response.noContent().build();
    }

    @GET
    @Path("{username}")
    public AccountView find(@PathParam("username") String username) {
        return accounts.find(username).orElseThrow(() -> new NotFound("not-found.account", username));
    }

    /** The administrator acting (every method here is for the admin role, so there always is one). */
    private String administrator() {
        return security.getCallerPrincipal().getName();
    }
}
