package dev.hallpass.session.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.account.boundary.AccountService;
import dev.hallpass.account.boundary.AccountView;
import dev.hallpass.account.boundary.Caller;
import dev.hallpass.account.boundary.Credentials;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.audit.boundary.Anomalies;
import dev.hallpass.audit.boundary.SecurityEvents;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.client.IpAddresses;
import dev.hallpass.problem.Forbidden;
import dev.hallpass.problem.InvalidInput;
import dev.hallpass.session.boundary.SessionMetrics;
import dev.hallpass.session.boundary.SessionService;
import dev.hallpass.session.boundary.StartedSession;
import dev.hallpass.session.control.AccountChangedDuringLogin;
import dev.hallpass.session.control.SessionLimitReached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * A login from start to end: throttling (before any password work), the password check, the session
 * under its limits, and the security events of each outcome. A user name is written to an event only
 * when such an account exists: a password typed into the name field must not end up in the log.
 */
@ApplicationScoped
public class LoginService {

    private static final Duration REPORT_WINDOW = Duration.ofMinutes(1);

    private final Cache<String, Boolean> throttledReported = Caffeine.newBuilder()
            .expireAfterWrite(REPORT_WINDOW).maximumSize(100_000).build();

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountService accounts;

    @Inject
    SessionService sessions;

    @Inject
    SecurityEvents events;

    @Inject
    Anomalies anomalies;

    @Inject
    SessionMetrics metrics;

    public StartedSession login(Credentials credentials, boolean rememberMe, ClientInfo client,
                                Optional<String> presentedSecret) {
        Caller caller = prove(credentials, client, "login").orElseThrow(LoginRejected::new);
        return start(caller, rememberMe, client, presentedSecret, "login");
    }

    /**
     * A logged-in user types their password again before a sensitive step (ending another device's
     * session): throttled and recorded like a login, so a stolen session cannot guess it.
     */
    public void confirmPassword(String username, String password, ClientInfo client) {
        prove(new Credentials(username, password == null ? "" : password), client, "password confirmation")
                .orElseThrow(() -> new Forbidden("forbidden.wrong-password"));
    }

    /**
     * The user changes their own password: the current one is checked like a login (throttled per
     * account and network, recorded as {@code LOGIN_FAILED} when wrong), so a stolen session cannot
     * guess it; a wrong one is a 400 on {@code currentPassword}. Returns the caller after the change.
     */
    public Caller changeOwnPassword(String username, String currentPassword, String newPassword, ClientInfo client) {
        Caller proven = prove(new Credentials(username, currentPassword), client, "password change")
                .orElseThrow(() -> new InvalidInput("currentPassword", "not-current-password"));
        return accounts.changeOwnPassword(proven, newPassword, client);
    }

    private Optional<Caller> prove(Credentials credentials, ClientInfo client, String purpose) {
        String account = Usernames.canonical(credentials.username());
        try {
            throttle.attempt(account, client.ipAddress());
        } catch (TooManyLoginAttempts throttled) {
            metrics.login(SessionMetrics.LoginResult.THROTTLED);
            // A refusal costs no password work; recording each would let anyone fill the log and the event
            // table at request rate. The first refusal of a client in a window is recorded, the rest counted.
            if (throttledReported.asMap().putIfAbsent(IpAddresses.clientKey(client.ipAddress()), Boolean.TRUE) == null) {
                events.record(SecurityEvent.Type.LOGIN_THROTTLED, existing(account), null, client,
                        purpose + " refused before the password check; retry after " + throttled.retryAfterSeconds()
                                + " s (further refusals from this client within " + REPORT_WINDOW.toSeconds()
                                + " s are only counted)");
            }
            throw throttled;
        }
        Optional<Caller> caller = accounts.authenticate(credentials);
        if (caller.isEmpty()) {
            metrics.login(SessionMetrics.LoginResult.FAILED);
            String known = existing(account);
            events.record(SecurityEvent.Type.LOGIN_FAILED, known, null, client,
                    purpose + ": " + (known == null ? "unknown account" : "wrong password or account disabled"));
            return Optional.empty();
        }
        throttle.succeeded(account, client.ipAddress());
        return caller;
    }

    /** A new session for a caller who has just proved who they are (login, own password change). */
    public StartedSession start(Caller caller, boolean rememberMe, ClientInfo client, Optional<String> presentedSecret,
                                String how) {
        StartedSession started;
        try {
            started = sessions.start(caller, rememberMe, client, presentedSecret);
        } catch (SessionLimitReached limit) {
            metrics.login(SessionMetrics.LoginResult.REFUSED_BY_LIMIT);
            events.record(SecurityEvent.Type.LOGIN_REJECTED_BY_LIMIT, caller.username(), null, client, limit.getMessage());
            throw limit;
        } catch (AccountChangedDuringLogin changed) {
            metrics.login(SessionMetrics.LoginResult.FAILED);
            events.record(SecurityEvent.Type.LOGIN_FAILED, caller.username(), null, client,
                    how + ": the account was disabled or its password or roles changed during the login");
            throw new LoginRejected();
        }
        metrics.started();
        events.record(SecurityEvent.Type.LOGIN_SUCCEEDED, caller.username(), started.session().handle(), client,
                how + (rememberMe ? ", remember me" : ""));
        anomalies.loggedIn(caller.username(), started.session().handle(), client);
        return started;
    }

    private String existing(String account) {
        return accounts.find(account).map(AccountView::username).orElse(null);
    }
}
