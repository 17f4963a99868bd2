package dev.hallpass.session.boundary;

import dev.hallpass.account.boundary.AccountChanged;
import dev.hallpass.account.boundary.AccountService;
import dev.hallpass.account.boundary.Caller;
import dev.hallpass.account.boundary.Credentials;
import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.control.SessionTimeoutPolicy;
import dev.hallpass.session.control.SessionTimeouts;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Starting, checking and ending cookie sessions. */
@ApplicationScoped
public class SessionService {

    private SessionStore store;
    private Clock clock;
    private SessionTimeoutPolicy timeouts;
    private Function<Credentials, Optional<Caller>> authenticator;
    private Consumer<SessionEnded> ended;

    protected SessionService() {
        // for CDI proxies
    }

    @Inject
    SessionService(SessionStore store, Clock clock, SessionTimeoutPolicy timeouts, AccountService accounts,
                   Event<SessionEnded> ended) {
        this(store, clock, timeouts, accounts::authenticate, ended::fire);
    }

    SessionService(SessionStore store, Clock clock, SessionTimeoutPolicy timeouts,
                   Function<Credentials, Optional<Caller>> authenticator, Consumer<SessionEnded> ended) {
        this.store = store;
        this.clock = clock;
        this.timeouts = timeouts;
        this.authenticator = authenticator;
        this.ended = ended;
    }

    /**
     * Checks the password and starts a new session with a new secret. A session the browser
     * presented (if any) is ended: a value seen before login never stays valid after it.
     */
    public StartedSession login(Credentials credentials, boolean rememberMe, ClientInfo client,
                                Optional<String> presentedSecret) {
        Caller caller = authenticator.apply(credentials).orElseThrow(LoginRejected::new);
        Instant now = clock.instant();
        presentedSecret.ifPresent(secret -> end(secret, EndReason.REPLACED_BY_LOGIN, now));
        SessionTimeouts limits = timeouts.forSession(rememberMe);
        Instant absoluteExpiry = limits.absoluteExpiry(now);
        String secret = SessionSecrets.newSecret();
        Session session = new Session(SessionSecrets.newHandle(), SessionSecrets.hash(secret), caller.username(),
                caller.roles(), now, limits.idleExpiry(now, absoluteExpiry), absoluteExpiry, rememberMe,
                client.ipAddress(), client.userAgent());
        store.create(session);
        return new StartedSession(secret, ActiveSession.of(SessionState.of(session)));
    }

    /**
     * The live session behind a cookie secret. Ends it if it has run out; records activity when the
     * last recorded activity is older than the touch interval (never a write on every request).
     */
    public Optional<ActiveSession> authenticate(String secret) {
        return use(store.findBySecretHash(SessionSecrets.hash(secret)));
    }

    /**
     * The live session with this handle, its activity recorded as for a request: a client that only
     * refreshes tokens is active too, so its session's idle timeout slides.
     */
    public Optional<ActiveSession> useByHandle(String handle) {
        return use(store.findByHandle(handle));
    }

    private Optional<ActiveSession> use(Optional<SessionState> candidate) {
        Optional<SessionState> found = candidate.filter(SessionState::isActive);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionState session = found.get();
        Instant now = clock.instant();
        Optional<EndReason> expiry = session.expiryAt(now);
        if (expiry.isPresent()) {
            end(session, expiry.get(), now);
            return Optional.empty();
        }
        SessionTimeouts limits = timeouts.forSession(session.rememberMe());
        if (limits.touchDue(session.lastSeenAt(), now)) {
            Instant idleExpiry = limits.idleExpiry(now, session.absoluteExpiresAt());
            if (!store.touch(session, now, idleExpiry)) {
                return Optional.empty();
            }
            session = session.touched(now, idleExpiry);
        }
        return Optional.of(ActiveSession.of(session));
    }

    /** The caller's live sessions, newest first, the current one marked. */
    public List<DeviceSession> sessionsOf(ActiveSession caller) {
        return store.findActiveByUser(caller.username(), clock.instant()).stream()
                .map(session -> DeviceSession.of(session, caller.handle()))
                .toList();
    }

    /** Ends the session behind the secret, if it is still live; logging out twice is harmless. */
    public void logout(String secret) {
        end(secret, EndReason.LOGOUT, clock.instant());
    }

    /** Ends every live session of the user (and so their refresh and access tokens); returns how many. */
    public int logoutAll(String username) {
        return endAll(username, EndReason.LOGOUT_ALL);
    }

    void onAccountChanged(@Observes AccountChanged change) {
        endAll(change.username(), change.change() == AccountChanged.Change.DISABLED
                ? EndReason.ACCOUNT_DISABLED : EndReason.PASSWORD_CHANGED);
    }

    private int endAll(String username, EndReason reason) {
        Instant now = clock.instant();
        int ended = 0;
        for (SessionState session : store.findActiveByUser(username, now)) {
            ended += end(session, reason, now) ? 1 : 0;
        }
        return ended;
    }

    /** The live session with this public handle, if it is live at this moment. */
    public Optional<ActiveSession> active(String handle) {
        Instant now = clock.instant();
        return store.findByHandle(handle).filter(SessionState::isActive).filter(s -> s.expiryAt(now).isEmpty())
                .map(ActiveSession::of);
    }

    /** Ends the session with this handle everywhere (theft, admin); false if it had already ended. */
    public boolean end(String handle, EndReason reason) {
        return store.findByHandle(handle).filter(SessionState::isActive)
                .map(session -> end(session, reason, clock.instant())).orElse(false);
    }

    private void end(String secret, EndReason reason, Instant now) {
        store.findBySecretHash(SessionSecrets.hash(secret))
                .filter(SessionState::isActive)
                .ifPresent(session -> end(session, reason, now));
    }

    private boolean end(SessionState session, EndReason reason, Instant now) {
        boolean endedNow = store.end(session, reason, now);
        if (endedNow) {
            ended.accept(new SessionEnded(session.handle(), session.username(), reason));
        }
        return endedNow;
    }
}
