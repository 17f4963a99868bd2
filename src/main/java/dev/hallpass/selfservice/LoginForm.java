package dev.hallpass.selfservice;

import dev.hallpass.account.boundary.Credentials;
import dev.hallpass.account.control.Roles;
import dev.hallpass.client.ClientAddress;
import dev.hallpass.session.boundary.LoginPage;
import dev.hallpass.session.boundary.SessionCookie;
import dev.hallpass.session.boundary.StartedSession;
import dev.hallpass.session.login.LoginService;
import dev.hallpass.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The login page of the console and "my devices": the same login as {@code POST /api/auth/login}
 * (throttling, limits, events, a new secret), then back to the page that sent the browser here.
 */
@Named
@RequestScoped
public class LoginForm {

    @Inject
    LoginService logins;

    @Inject
    ClientAddress clients;

    @Inject
    SessionCookie cookie;

    @Inject
    HttpServletRequest request;

    private String username;
    private String password;
    private boolean rememberMe;
    private String next;

    public void login() {
        Optional<StartedSession> started = FacesFeedback.result(() -> logins.login(
                new Credentials(Objects.toString(username, ""), Objects.toString(password, "")), rememberMe,
                clients.current(), cookie.read(request)));
        password = null;
        if (started.isEmpty()) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        external.addResponseHeader("Set-Cookie", cookie.issue(started.get()));
        String home = started.get().session().roles().contains(Roles.ADMIN) ? "/admin/index.xhtml" : "/devices.xhtml";
        try {
            String target = LoginPage.next(next, home);
            external.redirect(target.startsWith("/") ? external.getRequestContextPath() + target : target);
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isRememberMe() { return rememberMe; }
    public void setRememberMe(boolean rememberMe) { this.rememberMe = rememberMe; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
