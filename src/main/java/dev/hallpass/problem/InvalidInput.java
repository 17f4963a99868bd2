package dev.hallpass.problem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** 400: the request's content is not acceptable; says which field and why. */
public final class InvalidInput extends ProblemException {

    /** {@code reasonKey}: a key of the problems bundle under {@code field.}, such as {@code required}. */
    public InvalidInput(String field, String reasonKey, Object... arguments) {
        this(List.of(FieldProblem.of(field, reasonKey, arguments)));
    }

    public InvalidInput(List<FieldProblem> problems) {
        super(400, "invalid.title", null, new Object[0], problems);
    }

    /** Each field with its reason: {@code password: is required; roles: …}. */
    @Override
    public String detail(Locale locale) {
        return fieldProblems().stream().map(p -> p.field() + ": " + p.reason(locale)).collect(Collectors.joining("; "));
    }
}
