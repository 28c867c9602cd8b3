package io.gil4j.gil;

import io.gil4j.stats.HistogramSnapshot;

/**
 * A snapshot of a lock's counters since it was created. Each field is read without stopping the lock,
 * so fields may be from slightly different instants; every counter is monotonic.
 *
 * @param acquisitions times the lock was taken
 * @param contendedAcquisitions times the taker had to wait
 * @param waitNanos total time takers spent waiting
 * @param holdNanos total time the lock was held, sampled once per watchdog tick (0 without a watchdog)
 * @param switchNumber hand-overs to a different thread than the last holder (CPython's {@code switch_number})
 * @param forcedSwitches hand-overs after a forced drop
 * @param blockingSwitches hand-overs after a release around a blocking call
 * @param exitSwitches hand-overs after the holder finished its guarded work (an interpreter worker's call)
 * @param watchdogSwitches hand-overs after the watchdog revoked a stalled holder
 * @param dropRequests drop requests made by waiters
 * @param waiters threads waiting right now
 * @param waits the wait of every acquisition, an uncontended one counted as zero: {@code waits.count()} is
 *     about {@code acquisitions}, {@code waits.sumNanos()} is {@code waitNanos}
 * @param holds the timed holds, as {@link HoldTiming} selects and weighs them
 */
public record LockStats(
        long acquisitions,
        long contendedAcquisitions,
        long waitNanos,
        long holdNanos,
        long switchNumber,
        long forcedSwitches,
        long blockingSwitches,
        long exitSwitches,
        long watchdogSwitches,
        long dropRequests,
        int waiters,
        HistogramSnapshot waits,
        HistogramSnapshot holds) {

    /** Hand-overs counted under {@code reason}. */
    public long switches(SwitchReason reason) {
        switch (reason) {
            case FORCED:
                return forcedSwitches;
            case BLOCKING:
                return blockingSwitches;
            case EXIT:
                return exitSwitches;
            default:
                return watchdogSwitches;
        }
    }
}
