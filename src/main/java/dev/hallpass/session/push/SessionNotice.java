package dev.hallpass.session.push;

import dev.hallpass.session.entity.EndReason;

/**
 * What a browser is told when its session ends: a stable reason for code ({@code logout},
 * {@code logout-all}, {@code killed}, {@code evicted}, {@code expired}, {@code theft},
 * {@code password-changed}, {@code account-disabled}, …) and a sentence for people.
 */
public record SessionNotice(String reason, String message) {

    public static SessionNotice of(EndReason reason) {
        return switch (reason) {
            case LOGOUT -> new SessionNotice("logout", "You logged out.");
            case LOGOUT_ALL -> new SessionNotice("logout-all", "You logged out on all your devices.");
            case KILLED -> new SessionNotice("killed", "This session was ended, by an administrator or from another of your devices.");
            case EVICTED -> new SessionNotice("evicted", "You logged in on too many devices; this oldest session was ended.");
            case IDLE_TIMEOUT, ABSOLUTE_TIMEOUT -> new SessionNotice("expired", "Your session expired.");
            case REFRESH_TOKEN_REUSE -> new SessionNotice("theft", "This session was ended because its tokens were used from somewhere else.");
            case SESSION_SECRET_REUSE -> new SessionNotice("theft", "This session was ended because a copy of its cookie was used from somewhere else.");
            case PASSWORD_CHANGED -> new SessionNotice("password-changed", "Your password was changed; log in with the new one.");
            case ACCOUNT_DISABLED -> new SessionNotice("account-disabled", "Your account was disabled.");
            case PRIVILEGE_CHANGED -> new SessionNotice("privileges-changed", "Your roles changed; log in again.");
            case REPLACED_BY_LOGIN -> new SessionNotice("replaced", "A new login in this browser replaced this session.");
            case IP_CHANGED, USER_AGENT_CHANGED -> new SessionNotice("client-changed", "This session was used from another network or browser and was ended.");
        };
    }
}
