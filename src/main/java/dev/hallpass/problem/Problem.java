package dev.hallpass.problem;

import dev.hallpass.problem.FieldProblem;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists field problems when there are any. */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors, String error) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return of(status, known == null ? "Error" : known.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
