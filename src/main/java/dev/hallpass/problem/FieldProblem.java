package dev.hallpass.problem;

/** Which input field was wrong and why, in words a client developer can act on. */
public record FieldProblem(String field, String reason) {
}
