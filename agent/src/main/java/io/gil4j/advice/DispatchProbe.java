package io.gil4j.advice;

import io.gil4j.pool.QueuePolicy;
import io.gil4j.pool.WorkerPool;
import java.time.Duration;
import java.util.Arrays;

/**
 * What a hand-over to a worker costs on this machine now: the median round trip of an empty call through a
 * pool of the interpreters' kind (one worker, its own lock), measured once per probe. A marked call pays
 * this and more (finding the method, recording the call), so it is a lower bound of the dispatch cost.
 */
final class DispatchProbe {

    private static final int WARM_UP = 500;
    private static final int MEASURED = 1_000;

    private DispatchProbe() {}

    /** The median round trip in nanoseconds; takes tens of milliseconds. */
    static long roundTripNanos() {
        WorkerPool pool = new WorkerPool(
                "gil4j-advise-probe", 1, 16, QueuePolicy.BLOCK, WorkerPool.daemonThreads("gil4j-advise-probe"));
        try {
            long[] trips = new long[MEASURED];
            for (int i = -WARM_UP; i < MEASURED; i++) {
                long start = System.nanoTime();
                pool.call(() -> null);
                if (i >= 0) {
                    trips[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(trips);
            return trips[MEASURED / 2];
        } catch (Throwable t) {
            return -1;
        } finally {
            pool.shutdown(Duration.ofSeconds(1));
        }
    }
}
