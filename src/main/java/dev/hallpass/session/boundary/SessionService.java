package dev.hallpass.session.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.account.boundary.AccountChanged;
import dev.hallpass.account.boundary.Caller;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.problem.Conflict;
import dev.hallpass.session.control.ClientBindings;
import dev.hallpass.session.control.EndedToMakeRoom;
import dev.hallpass.session.control.NodeName;
import dev.hallpass.session.control.SessionLimits;
import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.session.control.SecretRotation;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.control.SessionTimeoutPolicy;
import dev.hallpass.session.control.SessionTimeouts;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Starting, checking and ending cookie sessions, under the session policies: limits per user and IP,
 * timeouts by context, binding to the client's IP and user agent.
 */
@ApplicationScoped
public class SessionService {

    private SessionStore store;
    private Clock clock;
    private SessionTimeoutPolicy timeouts;
    private SessionLimits limits;
    private ClientBindings bindings;
    private SecretRotation rotation;
    private NodeName node;
    private Consumer<SessionEnded> ended;
    private Consumer<SessionIncident> incidents;
    /** Handles whose replayed pre-login cookie was reported lately: one event per minute is enough. */
    private final Cache<String, Boolean> fixationReported = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();
    private final Cache<String, Boolean> rebound = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    protected SessionService() {
        // for CDI proxies
    }

    @Inject
    SessionService(SessionStore store, Clock clock, SessionTimeoutPolicy timeouts, SessionLimits limits,
                   ClientBindings bindings, SecretRotation rotation, NodeName node, Event<SessionEnded> ended,
                   Event<SessionIncident> incidents) {
        this(store, clock, timeouts, limits, bindings, rotation, node, ended::fire, incidents::fire);
    }

    SessionService(SessionStore store, Clock clock, SessionTimeoutPolicy timeouts, SessionLimits limits,
                   ClientBindings bindings, SecretRotation rotation, NodeName node, Consumer<SessionEnded> ended,
                   Consumer<SessionIncident> incidents) {
        this.rotation = rotation;
        this.store = store;
        this.clock = clock;
        this.timeouts = timeouts;
        this.limits = limits;
        this.bindings = bindings;
        this.node = node;
        this.ended = ended;
        this.incidents = incidents;
    }

    /**
     * Starts a new session with a new secret for a caller whose password was checked. A session the
     * browser presented (if any) is ended: a value seen before login never stays valid after it. The
     * limits are applied atomically across nodes: older sessions end ({@code EVICTED}) or the login is
     * refused with {@link dev.hallpass.session.control.SessionLimitReached}.
     */
    public StartedSession start(Caller caller, boolean rememberMe, ClientInfo client, Optional<String> presentedSecret) {
        Instant now = clock.instant();
        presentedSecret.ifPresent(secret -> end(secret, EndReason.REPLACED_BY_LOGIN, now));
        SessionTimeouts limitsInContext = timeouts.forSession(rememberMe, caller.roles());
        Instant absoluteExpiry = limitsInContext.absoluteExpiry(now);
        String secret = SessionSecrets.newSecret();
        Session session = new Session(SessionSecrets.newHandle(), SessionSecrets.hash(secret), caller.username(),
                caller.roles(), now, limitsInContext.idleExpiry(now, absoluteExpiry), absoluteExpiry, rememberMe,
                client.ipAddress(), client.userAgent(), node.value());
        List<EndedToMakeRoom> madeRoom = store.create(session, caller.generation(), limits, now);
        for (EndedToMakeRoom old : madeRoom) {
            announce(old.session(), old.reason(), old.reason() == EndReason.EVICTED
                    ? "ended to make room for session " + session.handle() + " (limit " + limitsText() + ")" : null);
        }
        return new StartedSession(secret, ActiveSession.of(SessionState.of(session)));
    }

    private String limitsText() {
        return limits.maxPerUser() + " per user, " + limits.maxPerIp() + " per IP";
    }

    /**
     * The live session behind a cookie secret, used by {@code client}. Ends it if it has run out or
     * (binding strict) the client changed; records activity when the last recorded activity is older
     * than the touch interval (never a write on every request).
     */
    public Optional<ActiveSession> authenticate(String secret, ClientInfo client) {
        return check(secret, client, false).map(CookieSession::session);
    }

    /** A cookie's session, and the new secret this answer must set when it was renewed on the way. */
    public record CookieSession(ActiveSession session, Optional<String> newSecret) {
        @Override
        public String toString() {
            return "CookieSession[session=" + session + "]";
        }
    }

    /**
     * As {@link #authenticate}, for requests whose answer reaches the browser's cookie jar (Hallpass's own pages
     * and API): a secret older than {@code hallpass.session.secret-rotation} is replaced by a new one, which the
     * caller sets on the answer.
     */
    public Optional<CookieSession> authenticateRotating(String secret, ClientInfo client) {
        return check(secret, client, true);
    }

    private Optional<CookieSession> check(String secret, ClientInfo client, boolean mayRotate) {
        String presented = SessionSecrets.hash(secret);
        Optional<SessionState> found = store.findBySecretHash(presented);
        found.filter(s -> s.status() == SessionStatus.REPLACED).ifPresent(replaced -> fixationAttempt(replaced, client));
        boolean previousSecret = found.filter(SessionState::isActive).filter(s -> !s.secretHash().equals(presented)).isPresent();
        Instant now = clock.instant();
        if (previousSecret && !rotation.inOverlap(found.get(), now) && found.get().newSecretUsed()) {
            secretReuse(found.get(), client, now);
            return Optional.empty();
        }
        Optional<ActiveSession> used = use(found, client);
        if (used.isEmpty()) {
            return Optional.empty();
        }
        SessionState session = found.get();
        if (!previousSecret && !session.newSecretUsed()) {
            store.secretUsed(session);
        }
        boolean renew = previousSecret
                ? !rotation.inOverlap(session, now) // the answer that carried the new secret never came back: another
                : rotation.due(session, now);
        if (mayRotate && renew) {
            String fresh = SessionSecrets.newSecret();
            if (store.rotateSecret(session, presented, SessionSecrets.hash(fresh), now)) {
                return Optional.of(new CookieSession(used.get(), Optional.of(fresh)));
            }
        }
        return Optional.of(new CookieSession(used.get(), Optional.empty()));
    }

    /** Both the replaced secret and its successor are in use: one of the two browsers holds a stolen copy. */
    private void secretReuse(SessionState session, ClientInfo client, Instant now) {
        if (end(session, EndReason.SESSION_SECRET_REUSE, now, null)) {
            incident(SecurityEvent.Type.SESSION_SECRET_REUSE, session, client, "a session cookie replaced by rotation at "
                    + session.secretIssuedAt() + " was used again after its successor; session ended");
        }
    }

    /**
     * The live session with this handle, its activity recorded as for a request: a client that only
     * refreshes tokens is active too, so its session's idle timeout slides. No client binding: the
     * refresh token is the credential here.
     */
    public Optional<ActiveSession> useByHandle(String handle) {
        return use(store.findByHandle(handle), null);
    }

    private Optional<ActiveSession> use(Optional<SessionState> candidate, ClientInfo client) {
        Optional<SessionState> found = candidate.filter(SessionState::isActive);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionState session = found.get();
        Instant now = clock.instant();
        Optional<EndReason> expiry = session.expiryAt(now);
        if (expiry.isPresent()) {
            end(session, expiry.get(), now, null);
            return Optional.empty();
        }
        if (client != null && bindings.any()) {
            Optional<SessionState> bound = checkBinding(session, client, now);
            if (bound.isEmpty()) {
                return Optional.empty();
            }
            session = bound.get();
        }
        SessionTimeouts limitsInContext = timeouts.forSession(session.rememberMe(), session.roles());
        if (limitsInContext.touchDue(session.lastSeenAt(), now)) {
            Instant idleExpiry = limitsInContext.idleExpiry(now, session.absoluteExpiresAt());
            if (!store.touch(session, now, idleExpiry)) {
                return Optional.empty();
            }
            session = session.touched(now, idleExpiry);
        } else {
            store.touchNotDue(session);
        }
        return Optional.of(ActiveSession.of(session));
    }

    /** The session as it goes on after this request, or empty if a strict binding ended it. */
    private Optional<SessionState> checkBinding(SessionState session, ClientInfo client, Instant now) {
        ClientBindings.Verdict verdict = bindings.judge(session, client.ipAddress(), client.userAgent());
        if (verdict instanceof ClientBindings.End end) {
            SecurityEvent.Type type = end.reason() == EndReason.IP_CHANGED ? SecurityEvent.Type.IP_CHANGED
                    : SecurityEvent.Type.USER_AGENT_CHANGED;
            return strictEnd(session, client, now, end.reason(), type, end.change());
        }
        if (!(verdict instanceof ClientBindings.Follow follow)
                || rebound.asMap().putIfAbsent(session.handle(), Boolean.TRUE) != null) {
            // Unchanged; or a client that flips between addresses or user agents, which would otherwise cost a
            // database update, a cache write and a security event per request (review L5): one rebind per
            // session per minute.
            return Optional.of(session);
        }
        if (store.rebind(session, follow.ipAddress(), follow.userAgent())) {
            if (follow.ipChange() != null) {
                incident(SecurityEvent.Type.IP_CHANGED, session, client, follow.ipChange());
            }
            if (follow.agentChange() != null) {
                incident(SecurityEvent.Type.USER_AGENT_CHANGED, session, client, follow.agentChange());
            }
        }
        return Optional.of(session.seenFrom(follow.ipAddress(), follow.userAgent()));
    }

    private Optional<SessionState> strictEnd(SessionState session, ClientInfo client, Instant now, EndReason reason,
                                             SecurityEvent.Type type, String change) {
        if (end(session, reason, now, null)) {
            incident(type, session, client, change + "; session ended (binding strict)");
        }
        return Optional.empty();
    }

    private void fixationAttempt(SessionState replaced, ClientInfo client) {
        if (fixationReported.asMap().putIfAbsent(replaced.handle(), Boolean.TRUE) == null) {
            incident(SecurityEvent.Type.FIXATION_ATTEMPT, replaced, client,
                    "a session cookie replaced by a later login in the same browser was presented again");
        }
    }

    private void incident(SecurityEvent.Type type, SessionState session, ClientInfo client, String detail) {
        incidents.accept(new SessionIncident(type, session.username(), session.handle(), client, detail));
    }

    /** The user's live sessions, newest first. */
    public List<SessionState> liveSessionsOf(String username) {
        return store.findActiveByUser(username, clock.instant());
    }

    /** Ends the session behind the secret, if it is still live; logging out twice is harmless. */
    public void logout(String secret) {
        end(secret, EndReason.LOGOUT, clock.instant());
    }

    /** Ends every live session of the user (and so their refresh and access tokens); returns how many. */
    public int logoutAll(String username, String handle, ClientInfo client) {
        int count = endAll(username, EndReason.LOGOUT_ALL, null);
        incidents.accept(new SessionIncident(SecurityEvent.Type.LOGOUT_ALL, username, handle, client,
                count + " session(s) ended"));
        return count;
    }

    /** An administrator ends one session, saying why (may be blank); false if it had already ended. */
    public boolean kill(String handle, String byAdmin, String why) {
        return store.findByHandle(handle).filter(SessionState::isActive)
                .map(session -> end(session, EndReason.KILLED, clock.instant(), killedBy(byAdmin, why)))
                .orElse(false);
    }

    /** An administrator ends every session of a user, saying why (may be blank); returns how many. */
    public int killAll(String username, String byAdmin, String why) {
        return endAll(username, EndReason.KILLED, killedBy(byAdmin, why));
    }

    private static String killedBy(String byAdmin, String why) {
        String reason = why == null ? "" : why.strip().replaceAll("\\p{Cntrl}", " ");
        reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        return "ended by administrator " + byAdmin + (reason.isEmpty() ? "" : ": " + reason);
    }

    /**
     * The user ends one of their other sessions (another device). Someone else's handle is answered
     * exactly like an unknown one: false. The current session is ended by logging out, not here. Only
     * through {@code session.devices.MyDevices}, which asks for the password first.
     */
    public boolean endOther(ActiveSession caller, String handle) {
        if (caller.handle().equals(handle)) {
            throw new Conflict("current-session");
        }
        return store.findByHandle(handle).filter(SessionState::isActive)
                .filter(session -> session.username().equals(caller.username()))
                .map(session -> end(session, EndReason.KILLED, clock.instant(), endedByOwner(caller)))
                .orElse(false);
    }

    /** The user ends every session of theirs but the current one; returns how many. */
    public int endOthers(ActiveSession caller) {
        return endAll(caller.username(), EndReason.KILLED, endedByOwner(caller),
                session -> !session.handle().equals(caller.handle()));
    }

    private static String endedByOwner(ActiveSession caller) {
        return "ended by the user from session " + caller.handle();
    }

    void onAccountChanged(@Observes AccountChanged change) {
        switch (change.change()) {
            case DISABLED, ERASED -> endAllFor(change, EndReason.ACCOUNT_DISABLED, SecurityEvent.Type.ACCOUNT_DISABLED);
            case PASSWORD_CHANGED -> endAllFor(change, EndReason.PASSWORD_CHANGED, SecurityEvent.Type.PASSWORD_CHANGED);
            case ROLES_CHANGED -> endAllFor(change, EndReason.PRIVILEGE_CHANGED, SecurityEvent.Type.ROLES_CHANGED);
        }
    }

    /** Ends every session of the changed account and records the change once, with how many ended. */
    private void endAllFor(AccountChanged change, EndReason reason, SecurityEvent.Type type) {
        int count = endAll(change.username(), reason, null);
        incidents.accept(new SessionIncident(type, change.username(), null, change.client(),
                change.detail() + "; " + count + " session(s) ended"));
    }

    private int endAll(String username, EndReason reason, String detail) {
        return endAll(username, reason, detail, session -> true);
    }

    private int endAll(String username, EndReason reason, String detail, Predicate<SessionState> which) {
        Instant now = clock.instant();
        int count = 0;
        for (SessionState session : store.findActiveByUser(username, now)) {
            count += which.test(session) && end(session, reason, now, detail) ? 1 : 0;
        }
        return count;
    }

    /** The live session with this public handle, if it is live at this moment. */
    public Optional<ActiveSession> active(String handle) {
        Instant now = clock.instant();
        return store.findByHandle(handle).filter(SessionState::isActive).filter(s -> s.expiryAt(now).isEmpty())
                .map(ActiveSession::of);
    }

    /**
     * The live session with this handle, for something that watches it without a request (an open
     * event stream): one that has run out is ended now, with the usual announcement, instead of waiting
     * for its next request or the cleanup. Mostly a local-cache hit: no transaction of its own (the
     * store's methods have theirs), since it runs for every watched session on every check.
     */
    public Optional<ActiveSession> watch(String handle) {
        Optional<SessionState> found = store.findByHandle(handle).filter(SessionState::isActive);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<EndReason> expiry = found.get().expiryAt(now);
        if (expiry.isPresent()) {
            end(found.get(), expiry.get(), now, null);
            return Optional.empty();
        }
        return found.map(ActiveSession::of);
    }

    /** Ends the session with this handle everywhere (theft, a token client's logout); false if it had already ended. */
    public boolean end(String handle, EndReason reason) {
        return store.findByHandle(handle).filter(SessionState::isActive)
                .map(session -> end(session, reason, clock.instant(), null)).orElse(false);
    }

    private void end(String secret, EndReason reason, Instant now) {
        store.findBySecretHash(SessionSecrets.hash(secret))
                .filter(SessionState::isActive)
                .ifPresent(session -> end(session, reason, now, null));
    }

    private boolean end(SessionState session, EndReason reason, Instant now, String detail) {
        boolean endedNow = store.end(session, reason, now);
        if (endedNow) {
            announce(session, reason, detail);
        }
        return endedNow;
    }

    private void announce(SessionState session, EndReason reason, String detail) {
        ended.accept(new SessionEnded(session.handle(), session.username(), reason,
                new ClientInfo(session.ipAddress(), session.userAgent()), detail, lasted(session, reason)));
    }

    /** From start to end: to its expiry when it ran out (and was found later), else to now. */
    private Duration lasted(SessionState session, EndReason reason) {
        Instant now = clock.instant();
        Instant end = switch (reason) {
            case IDLE_TIMEOUT -> session.idleExpiresAt();
            case ABSOLUTE_TIMEOUT -> session.absoluteExpiresAt();
            default -> now;
        };
        return Duration.between(session.createdAt(), end.isBefore(now) ? end : now);
    }
}
