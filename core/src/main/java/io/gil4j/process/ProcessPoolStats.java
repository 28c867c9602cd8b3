package io.gil4j.process;

import io.gil4j.stats.HistogramSnapshot;

/**
 * A snapshot of a {@link ProcessPool}'s counters, for a metrics layer; each counter but the gauges
 * ({@code live}, {@code busy}, {@code waiting}) only grows.
 *
 * @param calls calls made through {@link ProcessPool#invoke}
 * @param failures of those, calls that threw, whatever the reason (the method's own exceptions included)
 * @param workerStarts workers started and connected
 * @param workerDeaths workers that ended without the pool asking (killed, crashed, lost connection, failed
 *     to start)
 * @param restarts worker starts beyond the pool's size: replacements for workers retired or dead
 * @param lastStartupNanos the latest start-up time, spawn to authenticated connection; 0 before the first
 * @param totalStartupNanos the sum of all {@code workerStarts} start-up times
 * @param size the most workers at once (the pool's {@code workers})
 * @param live workers starting, idle or running a call now
 * @param busy of those, workers starting or running a call now
 * @param waiting calls waiting for a worker now, all {@code size} being busy
 * @param rejected calls refused without being sent: the pool was shut down, or no worker was free in time
 * @param waits each sent call's time from {@link ProcessPool#invoke} to being sent, a worker's start-up
 *     included when the call had to start one
 * @param cpuNanos CPU time the worker processes have used, as the operating system reports it (0 where it
 *     does not); a worker's time since the last reading is lost if it exits before the next
 */
public record ProcessPoolStats(
        long calls,
        long failures,
        long workerStarts,
        long workerDeaths,
        long restarts,
        long lastStartupNanos,
        long totalStartupNanos,
        int size,
        int live,
        int busy,
        int waiting,
        long rejected,
        HistogramSnapshot waits,
        long cpuNanos) {}
