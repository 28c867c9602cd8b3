package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shutting a pool down at JVM exit: queued and running calls may finish within the bound; calls still
 * queued at the bound, and later submissions, are rejected, so no caller hangs.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Far longer than the drain takes: shutdown must return as soon as the queue is drained. */
    private static final Duration LONG_BOUND = Duration.ofSeconds(20);

    private static final Duration SHORT_BOUND = Duration.ofMillis(100);

    private final Gate gate = new Gate();

    private static WorkerPool pool(int queueCapacity) {
        return new WorkerPool(
                "interpreters", 1, queueCapacity, QueuePolicy.BLOCK, WorkerPool.daemonThreads("shutdown"));
    }

    @Test
    void shutdown_lets_queued_and_running_calls_finish_and_returns_once_they_have() throws Exception {
        WorkerPool pool = pool(4);
        CompletableFuture<Object> running = pool.submit(gate.returning("running"));
        gate.awaitEntered();
        CompletableFuture<Object> first = pool.submit(() -> "first");
        CompletableFuture<Object> second = pool.submit(() -> "second");
        Forked<Long> shutdown = Forked.start("shutdown", () -> {
            long start = System.nanoTime();
            pool.shutdown(LONG_BOUND);
            return System.nanoTime() - start;
        });
        Eventually.await(
                "shutdown waits for the workers",
                TIMEOUT,
                () -> shutdown.thread().getState() == Thread.State.TIMED_WAITING);

        gate.open();

        assertTrue(shutdown.get(TIMEOUT) < LONG_BOUND.toNanos(), "shutdown waited for its whole bound");
        assertEquals("running", running.getNow(null));
        assertEquals("first", first.getNow(null));
        assertEquals("second", second.getNow(null));
        PoolStats stats = pool.stats();
        assertEquals(3, stats.completed());
        assertEquals(0, stats.rejected());
    }

    @Test
    void shutdown_rejects_the_calls_still_queued_when_the_bound_runs_out() throws Exception {
        WorkerPool pool = pool(2);
        CompletableFuture<Object> running = pool.submit(gate.returning("still running"));
        gate.awaitEntered();
        CompletableFuture<Object> queuedFuture = pool.submit(() -> "never");
        Forked<String> queuedCaller = Forked.start("queued-caller", () -> outcome(pool));
        Eventually.await("two calls queued", TIMEOUT, () -> pool.stats().queued() == 2);
        Forked<String> waitingForRoom = Forked.start("waiting-caller", () -> outcome(pool));
        Eventually.await(
                "a call waits for room",
                TIMEOUT,
                () -> pool.stats().submitted() == 4 && waitingForRoom.thread().getState() == Thread.State.WAITING);

        long start = System.nanoTime();
        pool.shutdown(SHORT_BOUND);
        long took = System.nanoTime() - start;

        assertTrue(took >= SHORT_BOUND.toNanos(), "returned before the bound with a call running: " + took + " ns");
        assertTrue(took < TIMEOUT.toNanos(), "returned long after the bound: " + took + " ns");
        assertEquals(
                "pool 'interpreters' rejected a call still queued when its shutdown bound ran out (the JVM is"
                        + " shutting down)",
                queuedCaller.get(TIMEOUT));
        assertEquals(
                "pool 'interpreters' rejected a call: the pool is shut down (the JVM is shutting down)",
                waitingForRoom.get(TIMEOUT));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> queuedFuture.get(0, TimeUnit.SECONDS));
        assertTrue(
                failed.getCause() instanceof RejectedExecutionException,
                failed.getCause().toString());
        PoolStats stats = pool.stats();
        assertEquals(3, stats.rejected());
        assertEquals(0, stats.queued());

        gate.open();
        assertEquals(
                "still running", running.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS), "a running call ends normally");
    }

    @Test
    void calls_after_shutdown_are_rejected() throws Throwable {
        WorkerPool pool = pool(1);
        assertEquals("before", pool.call(() -> "before"));

        pool.shutdown(TIMEOUT);

        RejectedExecutionException rejected =
                assertThrows(RejectedExecutionException.class, () -> pool.call(() -> "after"));
        assertTrue(rejected.getMessage().contains("shut down"), rejected.getMessage());
        assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> "after"));
        PoolStats stats = pool.stats();
        assertEquals(stats.submitted(), stats.ended());
    }

    /** Calls the pool and returns the value, or the message of the rejection. */
    private static String outcome(WorkerPool pool) throws Throwable {
        try {
            return String.valueOf(pool.call(() -> "never"));
        } catch (RejectedExecutionException e) {
            return e.getMessage();
        }
    }
}
