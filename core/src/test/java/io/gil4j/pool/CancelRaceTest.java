package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cancel/start race, run many times: a caller gives up on its call just as a worker may be starting it.
 * Which side wins varies from run to run; what must hold every time is that each call either ran exactly
 * once and was counted completed, or never ran and was counted cancelled, and that the caller was told
 * which. Fixed iteration counts; every thread joined by a deadline, with a thread dump if one is stuck.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancelRaceTest {

    private static final int CALLERS = 4;
    private static final int CALLS_PER_CALLER = 5_000;
    private static final int TOTAL = CALLERS * CALLS_PER_CALLER;
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final AtomicIntegerArray runs = new AtomicIntegerArray(TOTAL);
    private final LongAdder toldCancelled = new LongAdder();

    @Test
    void interrupt_racing_the_start_loses_no_call_and_runs_none_twice() {
        // REJECT with room for every caller's call: admission never waits, so the interrupt meets the call
        // while it is queued or already running.
        WorkerPool pool = new WorkerPool("race", 2, CALLERS, QueuePolicy.REJECT, WorkerPool.daemonThreads("race"));
        runCallers(pool, id -> {
            Thread.currentThread().interrupt();
            try {
                Object value = pool.call(() -> runs.incrementAndGet(id));
                assertEquals(1, value, "call " + id);
            } catch (CancellationException e) {
                toldCancelled.increment();
            }
            assertTrue(Thread.interrupted(), "call " + id + " lost its caller's interrupt");
        });
        assertConsistent(pool);
        assertEquals(pool.stats().cancelled(), toldCancelled.sum(), "each caller told how its call ended");
    }

    @Test
    void future_cancel_racing_the_start_loses_no_call_and_runs_none_twice() {
        WorkerPool pool = new WorkerPool("race", 2, CALLERS, QueuePolicy.BLOCK, WorkerPool.daemonThreads("race"));
        runCallers(pool, id -> {
            CompletableFuture<Object> future = pool.submit(() -> runs.incrementAndGet(id));
            for (int spin = (id % 32) * 64; spin > 0; spin--) {
                Thread.onSpinWait(); // vary the moment of the cancel
            }
            future.cancel(false);
            try {
                future.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (CancellationException e) {
                // cancelled before it ended; if it had started, it runs on and its outcome is dropped
            }
        });
        assertConsistent(pool);
    }

    /** What one caller does with call {@code id}. */
    @FunctionalInterface
    private interface Step {
        void run(int id) throws Throwable;
    }

    private void runCallers(WorkerPool pool, Step step) {
        List<Forked<Void>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int first = c * CALLS_PER_CALLER;
            callers.add(Forked.start("caller-" + c, () -> {
                for (int id = first; id < first + CALLS_PER_CALLER; id++) {
                    step.run(id);
                }
                return null;
            }));
        }
        for (Forked<Void> caller : callers) {
            caller.get(TIMEOUT);
        }
        pool.shutdown(TIMEOUT); // returns once the workers have ended every call they started
    }

    private void assertConsistent(WorkerPool pool) {
        int ran = 0;
        for (int id = 0; id < TOTAL; id++) {
            int times = runs.get(id);
            assertTrue(times <= 1, "call " + id + " ran " + times + " times");
            ran += times;
        }
        PoolStats stats = pool.stats();
        assertEquals(TOTAL, stats.submitted());
        assertEquals(ran, stats.completed(), "every call that ran is counted completed");
        assertEquals(TOTAL - ran, stats.cancelled(), "every call that did not run is counted cancelled");
        assertEquals(0, stats.failed() + stats.rejected() + stats.ranInCaller());
        assertEquals(stats.submitted(), stats.ended());
        assertEquals(0, stats.queued());
    }
}
