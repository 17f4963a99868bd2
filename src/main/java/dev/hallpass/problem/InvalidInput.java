package dev.hallpass.problem;

import java.util.List;

/** 400: the request's content is not acceptable; says which field and why. */
public final class InvalidInput extends ProblemException {

    public InvalidInput(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidInput(List<FieldProblem> problems) {
        super(400, "Invalid request", describe(problems), problems);
    }

    private static String describe(List<FieldProblem> problems) {
        StringBuilder detail = new StringBuilder();
        for (FieldProblem p : problems) {
            detail.append(detail.length() == 0 ? "" : "; ").append(p.field()).append(": ").append(p.reason());
        }
        return detail.toString();
    }
}
