package dev.hallpass.problem;

import java.util.List;

/** 404: the thing the request names (an account, a session, a stream) is not there. */
public final class NotFound extends ProblemException {

    /** {@code detailKey}: a detail of the problems bundle. */
    public NotFound(String detailKey, Object... arguments) {
        super(404, "status.404", detailKey, arguments, List.of());
    }
}
