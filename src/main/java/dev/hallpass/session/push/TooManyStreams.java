package dev.hallpass.session.push;

import dev.hallpass.problem.ProblemException;

/** 503: this node holds as many event streams as {@code hallpass.push.max-streams} allows. */
public final class TooManyStreams extends ProblemException {

    public TooManyStreams() {
        super(503, "too-many-streams");
    }
}
