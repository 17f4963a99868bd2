package dev.hallpass.problem;

import java.util.List;

/** 403: the caller is known but may not do this. */
public final class Forbidden extends ProblemException {

    /** {@code detailKey}: a detail of the problems bundle. */
    public Forbidden(String detailKey, Object... arguments) {
        super(403, "forbidden.title", detailKey, arguments, List.of());
    }
}
