package io.gil4j.process;

/**
 * A snapshot of a {@link ProcessPool}'s counters, for a metrics layer; each counter only grows.
 *
 * @param calls calls made through {@link ProcessPool#invoke}
 * @param failures of those, calls that threw, whatever the reason (the method's own exceptions included)
 * @param workerStarts workers started and connected
 * @param workerDeaths workers that ended without the pool asking (killed, crashed, lost connection, failed
 *     to start)
 * @param restarts worker starts beyond the pool's size: replacements for workers retired or dead
 * @param lastStartupNanos the latest start-up time, spawn to authenticated connection; 0 before the first
 * @param totalStartupNanos the sum of all {@code workerStarts} start-up times
 */
public record PoolStats(long calls, long failures, long workerStarts, long workerDeaths, long restarts,
        long lastStartupNanos, long totalStartupNanos) {}
