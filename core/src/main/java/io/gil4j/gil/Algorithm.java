package io.gil4j.gil;

/** How the lock is handed over between threads. */
public enum Algorithm {
    /**
     * CPython 3.2 and later ({@code Python/ceval_gil.c}): a waiter waits one switch interval, then asks the
     * holder to drop the lock; the holder drops it at its next check point and waits until another thread
     * has taken it (forced switching).
     */
    NEW,
    /**
     * CPython 3.1 and earlier: the holder releases and at once re-takes the lock every N check points,
     * whether or not that lets anyone else in; no drop requests, no forced switching.
     */
    LEGACY
}
