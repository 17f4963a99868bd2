package dev.hallpass.infrastructure.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops calling Redis after {@code failureThreshold} failures in a row, for {@code openFor}; then lets
 * one trial call through (half-open) and closes again on its success. Hand-written rather than MP
 * Fault Tolerance because it sits on every session check: JFR showed Payara's FT interceptor costing
 * more than the Redis round trip itself (see docs/benchmarks.md). While healthy it reads no clock and
 * takes no lock.
 */
final class CircuitBreaker {

    private final Clock clock;
    private final int failureThreshold;
    private final Duration openFor;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicBoolean trialInFlight = new AtomicBoolean();
    private volatile Instant openUntil = Instant.MIN;

    CircuitBreaker(Clock clock, int failureThreshold, Duration openFor) {
        if (failureThreshold < 1 || openFor.isNegative()) {
            throw new IllegalArgumentException("a breaker needs a positive threshold and a non-negative open time");
        }
        this.clock = clock;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
    }

    /** Whether a call may go out now: always while closed; once per open period when half-open. */
    boolean allowsCall() {
        if (consecutiveFailures.get() < failureThreshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil)) {
            return false;
        }
        return trialInFlight.compareAndSet(false, true);
    }

    void succeeded() {
        consecutiveFailures.set(0);
        trialInFlight.set(false);
    }

    void failed() {
        if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
            openUntil = clock.instant().plus(openFor);
        }
        trialInFlight.set(false);
    }

    boolean isOpen() {
        return consecutiveFailures.get() >= failureThreshold;
    }
}
