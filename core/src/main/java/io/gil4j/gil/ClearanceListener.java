package io.gil4j.gil;

/**
 * Told which thread may pass check points without calling the lock, so that callers can keep a fast path
 * that reads one field. Called under the lock's internal mutex, or by the new holder right after it took
 * the lock; a value may be stale for an instant, which costs the reader one call into the lock, never
 * correctness. Implementations must be cheap and must not call back into the lock.
 */
@FunctionalInterface
public interface ClearanceListener {

    /** A listener that ignores every change. */
    ClearanceListener IGNORE = (inForce, holder) -> {};

    /**
     * Called on each change of who may pass check points freely.
     *
     * @param inForce false while the lock is disabled: then no thread needs to call it at check points
     * @param holder the thread that may pass check points freely while the lock is in force, or null if
     *     every thread must call the lock (it is free, a drop is pending, or the algorithm counts check points)
     */
    void clearanceChanged(boolean inForce, Thread holder);
}
