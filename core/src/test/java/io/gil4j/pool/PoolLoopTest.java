package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.gil4j.gil.InterpreterLock;
import io.gil4j.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A jsr166-style timed loop: many callers push calls with unique ids through a small pool whose queue is
 * full most of the time, for a fixed number of iterations; every thread is joined by a deadline, and a
 * thread still alive fails the test with a thread dump. Every tenth call throws. Each call must run exactly
 * once and return its own result, exactly once, to its own caller.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolLoopTest {

    private static final int CALLERS = 8;
    private static final int CALLS_PER_CALLER = 20_000;
    private static final int WORKERS = 2;
    private static final int QUEUE = 16;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(90);

    /** What a failing call throws: it carries the call's id. */
    private static final class CallFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int id;

        CallFailure(int id) {
            super("call " + id);
            this.id = id;
        }
    }

    @Test
    void every_call_of_many_callers_runs_once_and_returns_its_own_result() throws InterruptedException {
        WorkerPool pool = new WorkerPool("loop", WORKERS, QUEUE, QueuePolicy.BLOCK, WorkerPool.daemonThreads("loop"));
        everyCallRunsOnce(pool, () -> {});
    }

    @Test
    void every_call_runs_once_while_the_worker_limit_goes_up_and_down() throws InterruptedException {
        WorkerPool pool = new WorkerPool("loop", WORKERS, QUEUE, QueuePolicy.BLOCK, WorkerPool.daemonThreads("loop"));
        AtomicBoolean callersDone = new AtomicBoolean();
        Thread limiter = new Thread(
                () -> {
                    for (int limit = 1; !callersDone.get(); limit = WORKERS + 1 - limit) {
                        pool.limitWorkers(limit);
                        Thread.yield();
                    }
                    pool.limitWorkers(WORKERS);
                },
                "limiter");
        limiter.setDaemon(true);
        limiter.start();

        everyCallRunsOnce(pool, () -> callersDone.set(true));

        joinAll(List.of(limiter));
        assertEquals(WORKERS, pool.workerLimit());
    }

    /**
     * Runs the callers' calls through {@code pool} to their end, tells {@code callersDone}, shuts the pool
     * down and checks that each call ran once and returned once, and that the counters agree.
     */
    private static void everyCallRunsOnce(WorkerPool pool, Runnable callersDone) throws InterruptedException {
        int total = CALLERS * CALLS_PER_CALLER;
        AtomicIntegerArray runs = new AtomicIntegerArray(total);
        AtomicIntegerArray returned = new AtomicIntegerArray(total);
        Queue<Throwable> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int first = c * CALLS_PER_CALLER;
            Thread caller = new Thread(
                    () -> {
                        try {
                            go.await();
                            for (int id = first; id < first + CALLS_PER_CALLER; id++) {
                                callOnce(pool, id, runs, returned);
                            }
                        } catch (Throwable t) {
                            problems.add(t);
                        }
                    },
                    "caller-" + c);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }

        go.countDown();
        joinAll(callers);
        callersDone.run();
        pool.shutdown(JOIN_TIMEOUT);

        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError("a caller failed: " + problems.peek(), problems.peek());
            problems.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        for (int id = 0; id < total; id++) {
            if (runs.get(id) != 1 || returned.get(id) != 1) {
                fail("call " + id + " ran " + runs.get(id) + " times and returned " + returned.get(id) + " times");
            }
        }
        PoolStats stats = pool.stats();
        int failures = total / 10;
        assertEquals(total, stats.submitted());
        assertEquals(total - failures, stats.completed());
        assertEquals(failures, stats.failed());
        assertEquals(0, stats.cancelled() + stats.rejected() + stats.ranInCaller());
        assertEquals(stats.submitted(), stats.ended());
        assertEquals(0, stats.queued());
        assertEquals(0, stats.busyWorkers());
        long acquisitions = 0;
        for (InterpreterLock interpreter : pool.interpreters()) {
            acquisitions += interpreter.stats().acquisitions();
        }
        assertEquals(total, acquisitions, "each call ran in an interpreter");
    }

    /** One call with id {@code id}: counts its run on the worker and checks what comes back to the caller. */
    private static void callOnce(WorkerPool pool, int id, AtomicIntegerArray runs, AtomicIntegerArray returned)
            throws Throwable {
        boolean fails = id % 10 == 0;
        Object result;
        try {
            result = pool.call(() -> {
                runs.incrementAndGet(id);
                if (fails) {
                    throw new CallFailure(id);
                }
                return (long) id * 3 + 1;
            });
        } catch (CallFailure failure) {
            if (!fails || failure.id != id) {
                throw new AssertionError("call " + id + " received the failure of call " + failure.id, failure);
            }
            returned.incrementAndGet(id);
            return;
        }
        if (fails || !Long.valueOf((long) id * 3 + 1).equals(result)) {
            throw new AssertionError("call " + id + " returned " + result);
        }
        returned.incrementAndGet(id);
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
            if (thread.isAlive()) {
                fail(thread.getName() + " still running after " + JOIN_TIMEOUT + "\n" + Eventually.dumpAllThreads());
            }
        }
    }
}
