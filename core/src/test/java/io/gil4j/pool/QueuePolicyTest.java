package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a submission does when the queue is full, under each {@link QueuePolicy}. Each test fills a pool of
 * one worker and a queue of one: a gated call runs, one more waits in the queue.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueuePolicyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Gate gate = new Gate();
    private WorkerPool pool;
    private CompletableFuture<Object> running;
    private CompletableFuture<Object> queued;

    private void fill(QueuePolicy policy) {
        pool = new WorkerPool("interpreters", 1, 1, policy, WorkerPool.daemonThreads("policy"));
        running = pool.submit(gate.returning("running"));
        gate.awaitEntered();
        queued = pool.submit(() -> "queued");
        assertEquals(1, pool.stats().queued());
    }

    @AfterEach
    void drain() {
        gate.open();
        if (pool != null) {
            pool.shutdown(TIMEOUT);
        }
    }

    @Test
    void block_waits_for_room_and_runs_the_call_once_a_worker_takes_one() throws Exception {
        fill(QueuePolicy.BLOCK);

        Forked<Object> blocked = Forked.start("blocked-caller", () -> pool.call(() -> "after waiting"));
        Eventually.await(
                "the third call waits for room",
                TIMEOUT,
                () -> pool.stats().submitted() == 3 && blocked.thread().getState() == Thread.State.WAITING);
        assertFalse(blocked.isDone());
        assertEquals(1, pool.stats().queued(), "still one queued: the blocked call is not in the queue");

        gate.open();

        assertEquals("after waiting", blocked.get(TIMEOUT));
        assertEquals("running", running.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        assertEquals("queued", queued.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        assertEquals(3, pool.stats().completed());
    }

    @Test
    void caller_runs_runs_the_call_in_the_caller_thread_when_full() throws Throwable {
        fill(QueuePolicy.CALLER_RUNS);
        Thread me = Thread.currentThread();
        IllegalStateException failure = new IllegalStateException("inline");

        assertSame(me, pool.call(Thread::currentThread));
        assertSame(
                failure,
                assertThrows(
                        IllegalStateException.class,
                        () -> pool.call(() -> {
                            throw failure;
                        })),
                "thrown as is: it already has the caller's stack");
        assertSame(me, pool.submit(Thread::currentThread).getNow(null), "the future is complete on return");

        PoolStats stats = pool.stats();
        assertEquals(3, stats.ranInCaller());
        assertEquals(0, stats.rejected());
        assertEquals(1, stats.queued());
    }

    @Test
    void reject_throws_naming_the_pool_the_capacity_and_the_keys() {
        fill(QueuePolicy.REJECT);

        RejectedExecutionException rejected =
                assertThrows(RejectedExecutionException.class, () -> pool.call(() -> "no room"));

        String message = rejected.getMessage();
        assertTrue(message.contains("'interpreters'"), message);
        assertTrue(message.contains("gil4j.pool.queue=1"), message);
        assertTrue(message.contains("gil4j.pool.policy=reject"), message);
        assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> "no room either"));
        PoolStats stats = pool.stats();
        assertEquals(2, stats.rejected());
        assertEquals(4, stats.submitted());
    }

    @Test
    void config_values_are_lower_case_with_dashes() {
        assertEquals("block", QueuePolicy.BLOCK.configValue());
        assertEquals("caller-runs", QueuePolicy.CALLER_RUNS.configValue());
        assertEquals("reject", QueuePolicy.REJECT.configValue());
    }
}
