package dev.hallpass.problem;

import java.util.List;

/** 503 with {@code Retry-After}: the node is at a bound it keeps to protect itself; the same request may succeed shortly. */
public final class Busy extends ProblemException {

    private final long retryAfterSeconds;

    /** {@code detailKey}: a detail of the problems bundle. */
    public Busy(String detailKey, long retryAfterSeconds) {
        super(503, "busy.title", detailKey, new Object[0], List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
