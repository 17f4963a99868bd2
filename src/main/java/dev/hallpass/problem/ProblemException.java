package dev.hallpass.problem;

import java.util.List;

/**
 * A failure the caller caused and can be told about: it becomes an RFC 9457 problem with this
 * status, title and detail. The detail is shown to the caller, so it never carries a secret.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient List<FieldProblem> fieldProblems;

    protected ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    protected ProblemException(int status, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
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
}
