package dev.hallpass.session.login;

import dev.hallpass.problem.ProblemException;
import java.time.Duration;

/** 429 with {@code Retry-After}: too many failed logins for this account or from this address. */
public final class TooManyLoginAttempts extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyLoginAttempts(Duration wait) {
        super(429, "too-many-logins", seconds(wait));
        this.retryAfterSeconds = seconds(wait);
    }

    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(seconds, 1);
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
