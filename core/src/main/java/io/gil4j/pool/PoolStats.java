package io.gil4j.pool;

/**
 * A snapshot of a pool's counters since it was created. Each field is read without stopping the pool, so
 * fields may be from slightly different instants; every counter but the two gauges ({@code queued},
 * {@code busyWorkers}) is monotonic. Each submitted call ends in exactly one of {@code completed},
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
 * @param busyWorkers workers running a call now
 * @param queueWaitNanos total time calls that started on a worker spent between submission and start
 */
public record PoolStats(
        long submitted,
        long completed,
        long failed,
        long cancelled,
        long rejected,
        long ranInCaller,
        int queued,
        int busyWorkers,
        long queueWaitNanos) {

    /**
     * Calls that have ended, one way or another; {@code submitted - ended()} are in flight: waiting for room,
     * queued, or running (on a worker or in their caller).
     */
    public long ended() {
        return completed + failed + cancelled + rejected + ranInCaller;
    }
}
