package io.gil4j.gil;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The lock configurations the tests run against: each algorithm, and the new one at CPython's default and
 * minimum switch intervals.
 */
enum LockVariant {
    /** The new algorithm at CPython's default switch interval. */
    NEW_5MS(Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5)),
    /** The new algorithm at CPython's minimum switch interval: a waiter asks for a drop almost at once. */
    NEW_1US(Algorithm.NEW, TimeUnit.MICROSECONDS.toNanos(1)),
    /** The legacy algorithm, re-taking every 100 check points as CPython 3.1 did; 5 ms paces its watchdog. */
    LEGACY_100(Algorithm.LEGACY, TimeUnit.MILLISECONDS.toNanos(5));

    /** Check points between re-takes under the legacy algorithm, as in CPython 3.1. */
    static final int CHECK_INTERVAL = 100;

    private final Algorithm algorithm;
    private final long intervalNanos;

    LockVariant(Algorithm algorithm, long intervalNanos) {
        this.algorithm = algorithm;
        this.intervalNanos = intervalNanos;
    }

    InterpreterLock newLock() {
        return newLock(ClearanceListener.IGNORE);
    }

    InterpreterLock newLock(ClearanceListener listener) {
        return new InterpreterLock(algorithm, intervalNanos, CHECK_INTERVAL, listener, HoldTiming.SAMPLED);
    }

    /** A lock with the given switch interval. */
    static InterpreterLock withInterval(Algorithm algorithm, Duration interval) {
        return new InterpreterLock(
                algorithm, interval.toNanos(), CHECK_INTERVAL, ClearanceListener.IGNORE, HoldTiming.SAMPLED);
    }

    /**
     * A lock whose waiters never ask for a drop within a test (a one-hour interval), so that it changes hands
     * only when the holder releases: what single-step tests need to count exactly.
     */
    static InterpreterLock quiet(Algorithm algorithm, ClearanceListener listener) {
        return new InterpreterLock(algorithm, TimeUnit.HOURS.toNanos(1), CHECK_INTERVAL, listener, HoldTiming.SAMPLED);
    }

    static InterpreterLock quiet(Algorithm algorithm) {
        return quiet(algorithm, ClearanceListener.IGNORE);
    }
}
