package dev.hallpass.problem;

/** 503 with {@code Retry-After}: the node is at a bound it keeps to protect itself; the same request may succeed shortly. */
public final class Busy extends ProblemException {

    private final long retryAfterSeconds;

    public Busy(String detail, long retryAfterSeconds) {
        super(503, "Busy", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
