package dev.hallpass.session.devices;

import dev.hallpass.client.ClientInfo;
import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.login.LoginService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A user's own sessions, as "my devices" (page) and {@code /api/sessions} (JSON) both offer them.
 * Ending another one always asks for the password first, throttled and recorded like a login, so a
 * stolen session cannot shut its owner out; this is the one place that rule lives.
 */
@ApplicationScoped
public class MyDevices {

    @Inject
    SessionService sessions;

    @Inject
    LoginService logins;

    public List<DeviceSession> list(ActiveSession caller) {
        return sessions.liveSessionsOf(caller.username()).stream().map(session -> DeviceSession.of(session, caller.handle())).toList();
    }

    /** False when the handle is not a live session of the caller's (someone else's counts as unknown). */
    public boolean endOther(ActiveSession caller, String handle, String password, ClientInfo client) {
        logins.confirmPassword(caller.username(), password, client);
        return sessions.endOther(caller, handle);
    }

    /** Ends every session of the caller but this one; returns how many. */
    public int endOthers(ActiveSession caller, String password, ClientInfo client) {
        logins.confirmPassword(caller.username(), password, client);
        return sessions.endOthers(caller);
    }
}
