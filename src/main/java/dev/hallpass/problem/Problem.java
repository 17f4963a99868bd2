package dev.hallpass.problem;

import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document as the reader gets it, in their language; {@code errors} lists field
 * problems when there are any. {@code type}, {@code status}, the field names and {@code error} are the same
 * in every language.
 */
public record Problem(String type, String title, int status, String detail, List<InvalidField> errors, String error) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field and why it was refused. */
    public record InvalidField(String field, String reason) {
    }

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** The problem {@code e} describes, in {@code locale}. */
    public static Problem of(ProblemException e, Locale locale) {
        List<InvalidField> fields = e.fieldProblems().stream()
                .map(p -> new InvalidField(p.field(), p.reason(locale))).toList();
        return new Problem("about:blank", e.title(locale), e.status(), e.detail(locale), fields, e.errorCode());
    }
}
