package io.gil4j.gil;

/** Why the holder gave the lock up; a switch to another thread is counted under the reason of the release before it. */
public enum SwitchReason {
    /** A drop was requested of the holder (new algorithm) or its check-point budget ran out (legacy). */
    FORCED,
    /** The holder entered a blocking call and released the lock for its duration. */
    BLOCKING,
    /** The holder finished the guarded work it took the lock for (an interpreter worker's call ended). */
    EXIT,
    /** The watchdog took the lock from a holder that made no check-point progress. */
    WATCHDOG
}
