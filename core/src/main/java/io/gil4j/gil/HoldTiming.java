package io.gil4j.gil;

/**
 * Which holds of an {@link InterpreterLock} are timed for its hold histogram ({@link LockStats#holds()}).
 * Timing a hold costs two clock reads, which the uncontended fast paths otherwise avoid.
 */
public enum HoldTiming {
    /** No hold is timed; the hold histogram stays empty. */
    OFF,
    /**
     * Every hold that began with a contended acquisition (whose clock read it reuses), and one in
     * {@link InterpreterLock#HOLD_SAMPLE_EVERY} of the others, chosen by acquisition count and counted that
     * many times: the histogram's counts and sum are unbiased estimates of all holds, exact under contention.
     */
    SAMPLED,
    /** Every hold: for locks whose holds are long next to two clock reads, such as an interpreter's. */
    EVERY
}
