package dev.hallpass.session.control;

import java.util.Objects;

/** Which timeouts apply to a session: the ordinary ones or the long remember-me ones. */
public record SessionTimeoutPolicy(SessionTimeouts standard, SessionTimeouts rememberMe) {

    public SessionTimeoutPolicy {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(rememberMe, "rememberMe");
    }

    public SessionTimeouts forSession(boolean isRememberMe) {
        return isRememberMe ? rememberMe : standard;
    }
}
