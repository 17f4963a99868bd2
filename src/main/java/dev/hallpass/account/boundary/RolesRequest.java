package dev.hallpass.account.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.problem.Fields;
import dev.hallpass.problem.InvalidInput;
import java.util.List;
import java.util.Set;

/** Body of {@code PUT /api/admin/accounts/{username}/roles}: {@code {"roles": ["user", "admin"]}}. */
public record RolesRequest(List<String> roles) {

    static Set<String> require(RolesRequest body) {
        List<String> roles = Fields.requireBody(body).roles;
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("roles", "roles-required");
        }
        return Roles.parse(roles);
    }
}
