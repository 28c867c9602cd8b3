package io.gil4j.pool;

import io.gil4j.stats.HistogramSnapshot;

/**
 * A snapshot of a pool's counters since it was created. Each field is read without stopping the pool, so
 * fields may be from slightly different instants; every counter but the gauges ({@code queued},
 * {@code startedWorkers}, {@code busyWorkers}) is monotonic. Each submitted call ends in exactly one of {@code completed},
 * {@code failed}, {@code cancelled}, {@code rejected} and {@code ranInCaller}, so once nothing moves,
 * {@code submitted == }{@link #ended()}.
 *
 * @param submitted calls handed to {@link WorkerPool#call} or {@link WorkerPool#submit}
 * @param completed calls that returned a value on a worker
 * @param failed calls that threw on a worker
 * @param cancelled calls given up before they started: the caller was interrupted, or the future completed
 * @param rejected calls refused (full queue under {@link QueuePolicy#REJECT}, pool shut down) or still queued
 *     when shutdown's bound ran out
 * @param ranInCaller calls the submitter ran itself because the queue was full ({@link QueuePolicy#CALLER_RUNS})
 * @param queued calls waiting in the queue now
 * @param queueCapacity how many calls the queue holds at most ({@code gil4j.pool.queue})
 * @param startedWorkers workers started so far (they start with the first submission, and never end
 *     before shutdown)
 * @param busyWorkers workers running a call now
 * @param queueWaits the time each call that started on a worker spent between submission and start
 * @param cpuNanos CPU time the workers have used (0 where the JVM does not measure thread CPU time); a
 *     worker's dies with it, so this may fall once after shutdown
 */
public record PoolStats(
        long submitted,
        long completed,
        long failed,
        long cancelled,
        long rejected,
        long ranInCaller,
        int queued,
        int queueCapacity,
        int startedWorkers,
        int busyWorkers,
        HistogramSnapshot queueWaits,
        long cpuNanos) {

    /**
     * Calls that have ended, one way or another; {@code submitted - ended()} are in flight: waiting for room,
     * queued, or running (on a worker or in their caller).
     */
    public long ended() {
        return completed + failed + cancelled + rejected + ranInCaller;
    }
}
