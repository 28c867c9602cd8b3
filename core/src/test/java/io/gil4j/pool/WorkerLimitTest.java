package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link WorkerPool#limitWorkers}: which workers take calls, and that the limit never strands one. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerLimitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void under_a_limit_of_one_only_the_first_worker_runs_calls_until_the_limit_rises() throws Exception {
        WorkerPool pool = new WorkerPool("limit", 3, 16, QueuePolicy.BLOCK, WorkerPool.daemonThreads("limit"));
        pool.limitWorkers(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<CompletableFuture<Object>> limited = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            limited.add(pool.submit(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.yield();
                running.decrementAndGet();
                return Thread.currentThread().getName();
            }));
        }
        Set<Object> ranOn = new HashSet<>();
        for (CompletableFuture<Object> call : limited) {
            ranOn.add(call.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        }

        pool.limitWorkers(3);
        CyclicBarrier allRunning = new CyclicBarrier(3);
        List<CompletableFuture<Object>> unlimited = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unlimited.add(pool.submit(() -> allRunning.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)));
        }
        for (CompletableFuture<Object> call : unlimited) {
            call.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS); // fails unless the three ran at once
        }
        pool.shutdown(TIMEOUT);

        assertEquals(Set.of("gil4j-limit-0"), ranOn);
        assertEquals(1, mostAtOnce.get());
        assertEquals(3, pool.workerLimit());
    }

    @Test
    void workers_waiting_above_the_limit_end_when_the_pool_shuts_down() throws Throwable {
        List<Thread> made = new ArrayList<>();
        ThreadFactory threads = work -> {
            Thread thread = new Thread(work, "limit-" + made.size());
            made.add(thread);
            return thread;
        };
        WorkerPool pool = new WorkerPool("limit", 3, 16, QueuePolicy.BLOCK, threads);
        pool.limitWorkers(1);
        assertEquals("done", pool.call(() -> "done"));

        pool.shutdown(TIMEOUT);

        assertEquals(3, made.size());
        for (Thread worker : made) {
            worker.join(TIMEOUT.toMillis());
            assertFalse(worker.isAlive(), worker.getName() + " did not end");
        }
    }

    @Test
    void limits_outside_one_to_the_workers_are_refused_and_change_nothing() {
        WorkerPool pool = new WorkerPool("limit", 2, 16, QueuePolicy.BLOCK, WorkerPool.daemonThreads("limit"));

        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> pool.limitWorkers(0));
        assertThrows(IllegalArgumentException.class, () -> pool.limitWorkers(3));

        assertEquals("pool 'limit': a worker limit from 1 to 2, not 0", zero.getMessage());
        assertEquals(2, pool.workerLimit());
    }
}
