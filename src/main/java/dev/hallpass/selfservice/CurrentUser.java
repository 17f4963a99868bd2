package dev.hallpass.selfservice;

import dev.hallpass.account.control.Roles;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.boundary.LoginPage;
import dev.hallpass.session.boundary.SessionCookie;
import dev.hallpass.session.boundary.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Who is logged in, for the header of every page, and the logout button there. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    CurrentSession current;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    HttpServletRequest request;

    public String getUsername() {
        return current.username().orElse("");
    }

    public boolean isAdmin() {
        return request.isUserInRole(Roles.ADMIN);
    }

    /** Ends this session everywhere, drops the page state kept for it and goes to the login page. */
    public String logout() {
        cookie.read(request).ifPresent(sessions::logout);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.addResponseHeader("Set-Cookie", cookie.clear());
        external.invalidateSession();
        return LoginPage.PATH + "?faces-redirect=true";
    }
}
