package dev.hallpass.data.control;

import dev.hallpass.problem.ProblemException;

/** 413: a document (or what a patch made of it) is larger than {@code hallpass.data.max-bytes}. */
public final class DocumentTooLarge extends ProblemException {

    public DocumentTooLarge(int bytes, int maxBytes) {
        super(413, "data.too-large", bytes, maxBytes);
    }
}
