package dev.hallpass.problem;

import java.util.List;
import java.util.Locale;

/**
 * Which input field was wrong and why, in words a client developer can act on: {@code reasonKey} is a
 * key of the problems bundle under {@code field.}, put into the reader's language when shown.
 */
public record FieldProblem(String field, String reasonKey, List<Object> arguments) {

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public static FieldProblem of(String field, String reasonKey, Object... arguments) {
        return new FieldProblem(field, reasonKey, List.of(arguments));
    }

    public String reason(Locale locale) {
        return ProblemTexts.TEXTS.get(locale, "field." + reasonKey, arguments.toArray());
    }
}
