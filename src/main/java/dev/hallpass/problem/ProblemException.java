package dev.hallpass.problem;

import dev.hallpass.language.Languages;
import java.util.List;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * A failure the caller caused and can be told about: it becomes an RFC 9457 problem with this
 * status, title and detail. Title and detail are keys of the problems bundle
 * ({@code dev/hallpass/problem/problems.properties}) with the detail's arguments, put into the reader's
 * language when the problem is shown; {@link #getMessage()} is the English detail, for logs. The detail
 * is shown to the caller, so it never carries a secret.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String titleKey;
    private final String detailKey;
    private final transient Object[] arguments;
    private final transient List<FieldProblem> fieldProblems;

    /** Title {@code key.title}, detail {@code key.detail} with {@code arguments}. */
    protected ProblemException(int status, String key, Object... arguments) {
        this(status, key + ".title", key + ".detail", arguments, List.of());
    }

    protected ProblemException(int status, String titleKey, String detailKey, Object[] arguments,
                               List<FieldProblem> fieldProblems) {
        super(null, null, false, false);
        this.status = status;
        this.titleKey = titleKey;
        this.detailKey = detailKey;
        this.arguments = arguments.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** A problem of no particular kind, for code that writes one rather than throwing it (filters, error pages). */
    public static ProblemException of(int status, String key, Object... arguments) {
        return new Stated(status, key + ".title", key + ".detail", arguments);
    }

    /** Titled by its status alone ({@code status.404}), detail {@code detailKey}; no detail when that is null. */
    public static ProblemException ofStatus(int status, String detailKey, Object... arguments) {
        return new Stated(status, "status." + status, detailKey, arguments);
    }

    public int status() {
        return status;
    }

    /** The title in the reader's language; the status's English reason phrase for a status the bundle does not name. */
    public String title(Locale locale) {
        return ProblemTexts.TEXTS.find(locale, titleKey).orElseGet(() -> {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "Error " + status : known.getReasonPhrase();
        });
    }

    /** The detail in the reader's language; null if there is none. */
    public String detail(Locale locale) {
        return detailKey == null ? null : ProblemTexts.TEXTS.get(locale, detailKey, arguments);
    }

    @Override
    public String getMessage() {
        return detail(Languages.ENGLISH);
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** An OAuth error code ({@code invalid_grant}, …) for clients that look for one; null if none. */
    public String errorCode() {
        return null;
    }

    /** A {@code WWW-Authenticate} challenge to send with a 401; null if none. */
    public String challenge() {
        return null;
    }

    /** Seconds to send in {@code Retry-After} (with a 429 or 503); null if none. */
    public Long retryAfterSeconds() {
        return null;
    }

    private static final class Stated extends ProblemException {

        Stated(int status, String titleKey, String detailKey, Object[] arguments) {
            super(status, titleKey, detailKey, arguments, List.of());
        }
    }
}
