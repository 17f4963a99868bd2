package dev.hallpass.session.control;

import dev.hallpass.account.control.Roles;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which timeouts apply to a session: the ordinary ones or the long remember-me ones, and for sessions
 * that hold the admin role an idle timeout no longer than {@code adminIdle}.
 */
public record SessionTimeoutPolicy(SessionTimeouts standard, SessionTimeouts rememberMe, Duration adminIdle) {

    public SessionTimeoutPolicy {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(rememberMe, "rememberMe");
        Objects.requireNonNull(adminIdle, "adminIdle");
        // fails at deployment if the admin idle timeout is not above the touch interval
        new SessionTimeouts(adminIdle, standard.absolute(), standard.touchInterval());
    }

    public SessionTimeoutPolicy(SessionTimeouts standard, SessionTimeouts rememberMe) {
        this(standard, rememberMe, standard.idle());
    }

    public SessionTimeouts forSession(boolean isRememberMe, Set<String> roles) {
        SessionTimeouts base = isRememberMe ? rememberMe : standard;
        if (roles.contains(Roles.ADMIN) && adminIdle.compareTo(base.idle()) < 0) {
            return new SessionTimeouts(adminIdle, base.absolute(), base.touchInterval());
        }
        return base;
    }
}
