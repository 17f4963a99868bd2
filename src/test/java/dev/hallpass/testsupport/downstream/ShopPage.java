package dev.hallpass.testsupport.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page of a server-rendered application of the shop, on another server, protected by the container for
 * role {@code user} and no login code of its own: hallpass-client's session mechanism is switched on by
 * configuration.
 */
@WebServlet("/page")
@DeclareRoles({"user", "admin"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ShopPage extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("page of " + request.getUserPrincipal().getName() + " user=" + request.isUserInRole("user")
                + " admin=" + request.isUserInRole("admin"));
    }
}
