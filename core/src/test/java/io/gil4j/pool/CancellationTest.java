package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Giving up on a call: an interrupt, or a completed future, cancels a call that has not started, which then
 * never runs; a call that has started runs to its end and its caller receives the outcome. The single worker
 * is held by a gated call, so the test knows which calls are queued.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancellationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Gate gate = new Gate();
    private final AtomicBoolean ran = new AtomicBoolean();
    private WorkerPool pool;

    private WorkerPool pool(int queueCapacity) {
        pool = new WorkerPool("cancel", 1, queueCapacity, QueuePolicy.BLOCK, WorkerPool.daemonThreads("cancel"));
        return pool;
    }

    @AfterEach
    void drain() {
        gate.open();
        pool.shutdown(TIMEOUT);
    }

    /** A caller of {@link WorkerPool#call} on its own thread that reports how it ended. */
    private Forked<String> caller(String name) {
        return Forked.start(name, () -> {
            try {
                Object value = pool.call(() -> {
                    ran.set(true);
                    return "ran";
                });
                return value + ", interrupted " + Thread.currentThread().isInterrupted();
            } catch (CancellationException e) {
                return e.getMessage() + ", interrupted "
                        + Thread.currentThread().isInterrupted();
            }
        });
    }

    /** Opens the gate and waits, through one more call, until every call queued before that one has ended. */
    private void drainQueue() throws Throwable {
        gate.open();
        assertEquals("last", pool.call(() -> "last"));
    }

    @Test
    void interrupt_while_queued_cancels_the_call_and_it_never_runs() throws Throwable {
        pool(4).submit(gate.returning("held"));
        gate.awaitEntered();
        Forked<String> queued = caller("queued-caller");
        Eventually.await("the call is queued", TIMEOUT, () -> pool.stats().queued() == 1);

        queued.thread().interrupt();

        assertEquals(
                "pool 'cancel': the call was cancelled before it started: its caller was interrupted while it was"
                        + " queued, interrupted true",
                queued.get(TIMEOUT));
        PoolStats stats = pool.stats();
        assertEquals(1, stats.cancelled());
        assertEquals(0, stats.queued(), "a cancelled call leaves the queue at once");
        drainQueue();
        assertFalse(ran.get(), "the cancelled call ran");
    }

    @Test
    void interrupt_while_waiting_for_room_cancels_the_call() throws Throwable {
        pool(1).submit(gate.returning("held"));
        gate.awaitEntered();
        pool.submit(() -> "fills the queue");
        Forked<String> waiting = caller("waiting-caller");
        Eventually.await(
                "the call waits for room",
                TIMEOUT,
                () -> pool.stats().submitted() == 3 && waiting.thread().getState() == Thread.State.WAITING);

        waiting.thread().interrupt();

        assertEquals(
                "pool 'cancel': the call was cancelled before it started: its caller was interrupted while it"
                        + " waited for room in the queue, interrupted true",
                waiting.get(TIMEOUT));
        assertEquals(1, pool.stats().cancelled());
        drainQueue();
        assertFalse(ran.get(), "the cancelled call ran");
    }

    @Test
    void interrupt_while_running_still_delivers_the_result_and_sets_the_flag() {
        pool(4);
        Forked<Object> running = Forked.start("running-caller", () -> {
            Object value = pool.call(gate.returning("result"));
            return value + ", interrupted " + Thread.currentThread().isInterrupted();
        });
        gate.awaitEntered();

        running.thread().interrupt();
        Eventually.await(
                "the caller took the interrupt and waits on",
                TIMEOUT,
                () -> running.thread().getState() == Thread.State.WAITING
                        && !running.thread().isInterrupted());
        gate.open();

        assertEquals("result, interrupted true", running.get(TIMEOUT));
        PoolStats stats = pool.stats();
        assertEquals(1, stats.completed());
        assertEquals(0, stats.cancelled());
    }

    @Test
    void cancelling_a_submitted_future_before_it_starts_prevents_the_run() throws Throwable {
        pool(4).submit(gate.returning("held"));
        gate.awaitEntered();
        CompletableFuture<Object> future = pool.submit(() -> ran.getAndSet(true));
        CompletableFuture<Object> completedByHand = pool.submit(() -> ran.getAndSet(true));

        assertTrue(future.cancel(true));
        assertTrue(completedByHand.complete("not needed"));

        PoolStats stats = pool.stats();
        assertEquals(2, stats.cancelled());
        assertEquals(0, stats.queued());
        drainQueue();
        assertFalse(ran.get(), "a call whose future was complete before it started ran");
        assertTrue(future.isCancelled());
    }
}
