package dev.hallpass.session.push;

import dev.hallpass.language.Texts;
import dev.hallpass.session.entity.EndReason;
import java.util.Locale;

/**
 * What a browser is told when its session ends: a stable reason for code ({@code logout},
 * {@code logout-all}, {@code killed}, {@code evicted}, {@code expired}, {@code theft},
 * {@code password-changed}, {@code account-disabled}, …), the same in every language, and a sentence
 * for people, {@code key} of the notices bundle ({@code notices.properties} beside this class) put into
 * the language of the stream's reader.
 */
public record SessionNotice(String reason, String key) {

    static final Texts TEXTS = new Texts("dev.hallpass.session.push.notices");

    /** A stream that ends without the reason known. */
    static final SessionNotice UNKNOWN = new SessionNotice("ended", "ended.unknown");

    public static SessionNotice of(EndReason reason) {
        return switch (reason) {
            case LOGOUT -> new SessionNotice("logout", "ended.logout");
            case LOGOUT_ALL -> new SessionNotice("logout-all", "ended.logout-all");
            case KILLED -> new SessionNotice("killed", "ended.killed");
            case EVICTED -> new SessionNotice("evicted", "ended.evicted");
            case IDLE_TIMEOUT, ABSOLUTE_TIMEOUT -> new SessionNotice("expired", "ended.expired");
            case REFRESH_TOKEN_REUSE -> new SessionNotice("theft", "ended.theft-tokens");
            case SESSION_SECRET_REUSE -> new SessionNotice("theft", "ended.theft-cookie");
            case PASSWORD_CHANGED -> new SessionNotice("password-changed", "ended.password-changed");
            case ACCOUNT_DISABLED -> new SessionNotice("account-disabled", "ended.account-disabled");
            case PRIVILEGE_CHANGED -> new SessionNotice("privileges-changed", "ended.privileges-changed");
            case REPLACED_BY_LOGIN -> new SessionNotice("replaced", "ended.replaced");
            case IP_CHANGED, USER_AGENT_CHANGED -> new SessionNotice("client-changed", "ended.client-changed");
        };
    }

    public String message(Locale locale) {
        return TEXTS.get(locale, key);
    }

    /** The sentence of a {@code session-expiring} warning: idle (unless the user goes on) or absolute (no matter what). */
    static String expiring(Locale locale, boolean idle, long secondsLeft) {
        return TEXTS.get(locale, idle ? "expiring.idle" : "expiring.absolute", secondsLeft);
    }
}
