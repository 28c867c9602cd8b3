package io.gil4j.gil;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test support: the lock's side of {@link Forked} and {@link Eventually}, for threads that contend for it. */
final class Contention {

    private Contention() {}

    /**
     * Starts a thread that takes {@code lock}, releases it at once (at frame exit) and returns how long it
     * waited for it, in nanoseconds; the thread fails if the lock was disabled.
     */
    static Forked<Long> takeAndRelease(String name, InterpreterLock lock) {
        return Forked.start(name, () -> {
            long start = System.nanoTime();
            if (!lock.acquire()) {
                throw new AssertionError(name + " found the lock disabled");
            }
            long waited = System.nanoTime() - start;
            lock.release(SwitchReason.EXIT);
            return waited;
        });
    }

    /**
     * As the holder of {@code lock}, passes check points until {@code condition} holds, as guarded code
     * does while other threads wait; fails if it does not within {@code timeout}.
     */
    static void checkpointUntil(InterpreterLock lock, String what, Duration timeout, BooleanSupplier condition) {
        Eventually.await(what + " (passing check points)", timeout, condition, lock::checkpoint);
    }
}
