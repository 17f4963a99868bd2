package dev.hallpass.data.control;

import dev.hallpass.problem.ProblemException;

/** 409: the session or user already has {@code hallpass.data.max-documents} documents; delete one first. */
public final class DocumentLimitReached extends ProblemException {

    public DocumentLimitReached(int maxDocuments) {
        super(409, "data.too-many", maxDocuments);
    }
}
