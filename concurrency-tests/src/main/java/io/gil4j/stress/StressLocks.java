package io.gil4j.stress;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;

/** Locks for stress tests, and the state shapes several tests share. */
public final class StressLocks {

    /**
     * 10 s: longer than jcstress waits for an actor, so under NEW a hand-over is always a release, never a
     * drop request, and a lost wake-up shows as a stuck test instead of being hidden by the timed wait.
     */
    static final long LONG_INTERVAL_NANOS = 10_000_000_000L;

    private StressLocks() {}

    public static InterpreterLock longInterval(Algorithm algorithm, ClearanceListener listener) {
        return new InterpreterLock(algorithm, LONG_INTERVAL_NANOS, 100, listener, HoldTiming.SAMPLED);
    }

    public static InterpreterLock longInterval(Algorithm algorithm) {
        return longInterval(algorithm, ClearanceListener.IGNORE);
    }
}
