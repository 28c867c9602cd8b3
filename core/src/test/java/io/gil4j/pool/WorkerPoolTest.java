package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import io.gil4j.offload.WorkerStackTrace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a call through the pool looks like to its caller: the value or the very exception the work
 * produced, order and parallelism, the worker threads and their interpreters.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<WorkerPool> pools = new ArrayList<>();

    private WorkerPool pool(int workers, ThreadFactory threadFactory) {
        WorkerPool pool = new WorkerPool("test", workers, 16, QueuePolicy.BLOCK, threadFactory);
        pools.add(pool);
        return pool;
    }

    private WorkerPool pool(int workers) {
        return pool(workers, WorkerPool.daemonThreads("test"));
    }

    @AfterEach
    void shutDownPools() {
        pools.forEach(pool -> pool.shutdown(TIMEOUT));
    }

    @Test
    void call_returns_the_value_computed_on_a_worker() throws Throwable {
        WorkerPool pool = pool(1);

        Object ranOn = pool.call(() -> Thread.currentThread().getName());

        assertEquals("gil4j-test-0", ranOn);
        assertEquals(1, pool.stats().completed());
    }

    @Test
    void call_rethrows_the_same_exception_with_the_caller_and_worker_stacks() {
        WorkerPool pool = pool(1);
        AtomicReference<RuntimeException> thrownOnWorker = new AtomicReference<>();

        RuntimeException caught = assertThrows(
                IllegalStateException.class,
                () -> pool.call(() -> {
                    IllegalStateException failure = new IllegalStateException("boom");
                    thrownOnWorker.set(failure);
                    throw failure;
                }));

        assertSame(thrownOnWorker.get(), caught);
        assertEquals("boom", caught.getMessage());
        StackTraceElement[] callerStack = caught.getStackTrace();
        assertEquals(WorkerPool.class.getName(), callerStack[0].getClassName());
        assertEquals("call", callerStack[0].getMethodName());
        assertTrue(hasFrame(callerStack, "call_rethrows_the_same_exception_with_the_caller_and_worker_stacks"));
        WorkerStackTrace workerStack = assertInstanceOf(WorkerStackTrace.class, caught.getCause());
        assertEquals("stack of the marked call on gil4j-test-0", workerStack.getMessage());
        assertTrue(hasFrame(workerStack.getStackTrace(), "runWorker"), "the worker's stack");
        assertEquals(1, pool.stats().failed());
    }

    @Test
    void call_rethrows_a_checked_exception_unchanged() {
        WorkerPool pool = pool(1);
        IOException failure = new IOException("disk");

        IOException caught = assertThrows(
                IOException.class,
                () -> pool.call(() -> {
                    throw failure;
                }));

        assertSame(failure, caught);
    }

    @Test
    void submitted_future_completes_with_the_value_or_the_same_exception() throws Exception {
        WorkerPool pool = pool(1);
        IOException failure = new IOException("disk");

        CompletableFuture<Object> value = pool.submit(() -> 42);
        CompletableFuture<Object> failing = pool.submit(() -> {
            throw failure;
        });

        assertEquals(42, value.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        ExecutionException caught =
                assertThrows(ExecutionException.class, () -> failing.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        assertSame(failure, caught.getCause());
        assertArrayEquals(failure.getStackTrace(), caught.getCause().getStackTrace(), "left as thrown on the worker");
    }

    @Test
    void one_worker_starts_calls_in_submission_order() throws Exception {
        WorkerPool pool = pool(1);
        Queue<Integer> started = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Object>> futures = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            int id = i;
            futures.add(pool.submit(() -> started.add(id)));
        }
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);

        assertEquals(IntStream.range(0, 200).boxed().collect(Collectors.toList()), new ArrayList<>(started));
    }

    @Test
    void workers_run_calls_at_the_same_time() throws Exception {
        int workers = 3;
        WorkerPool pool = pool(workers);
        CyclicBarrier allRunning = new CyclicBarrier(workers);
        List<CompletableFuture<Object>> futures = new ArrayList<>();

        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(() -> {
                allRunning.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS); // breaks unless all run at once
                return Thread.currentThread().getName();
            }));
        }

        Set<Object> ranOn = new HashSet<>();
        for (CompletableFuture<Object> future : futures) {
            ranOn.add(future.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        }
        assertEquals(Set.of("gil4j-test-0", "gil4j-test-1", "gil4j-test-2"), ranOn);
    }

    @Test
    void workers_start_on_the_first_submission_as_daemon_threads() throws Throwable {
        List<Thread> made = new ArrayList<>();
        WorkerPool pool = pool(2, work -> {
            Thread thread = new Thread(work, "custom-" + made.size());
            thread.setDaemon(false); // the pool must make it a daemon anyway
            made.add(thread);
            return thread;
        });
        assertTrue(made.isEmpty(), "no worker before the first submission");
        assertFalse(pool.isWorkerThread());

        pool.call(() -> null);

        assertEquals(2, made.size());
        for (Thread worker : made) {
            assertTrue(worker.isDaemon(), worker.getName() + " keeps the JVM alive");
        }
        assertEquals(true, pool.call(pool::isWorkerThread), "a worker knows it is one");
    }

    @Test
    void worker_holds_its_own_interpreter_while_running_and_releases_it_after() throws Throwable {
        WorkerPool pool = pool(2);
        List<InterpreterLock> interpreters = pool.interpreters();
        assertEquals(2, interpreters.size(), "one interpreter per worker, before they start");
        assertNotEquals(interpreters.get(0), interpreters.get(1));

        Object heldByWorker = pool.call(() -> interpreters.stream()
                .filter(InterpreterLock::isHeldByCurrentThread)
                .count());

        assertEquals(1L, heldByWorker, "the worker holds exactly one interpreter");
        long acquisitions = 0;
        for (InterpreterLock interpreter : interpreters) {
            assertTrue(interpreter.isEnabled());
            acquisitions += interpreter.stats().acquisitions();
            assertTrue(interpreter.acquire(), "free once the call is done"); // would wait if still held
            assertEquals(0, interpreter.stats().contendedAcquisitions());
            interpreter.release(SwitchReason.EXIT);
        }
        assertEquals(1, acquisitions, "taken once, for the one call");
    }

    @Test
    void nested_call_on_a_worker_is_refused_and_runs_inline_when_the_caller_checks() throws Throwable {
        WorkerPool pool = pool(1);
        Callable<Object> inner = () -> "inner on " + Thread.currentThread().getName();

        Object nested = pool.call(() -> {
            assertThrows(IllegalStateException.class, () -> pool.call(inner), "queued behind its own worker");
            assertThrows(IllegalStateException.class, () -> pool.submit(inner), "queued behind its own worker");
            assertTrue(pool.isWorkerThread());
            return inner.call(); // what a caller that checked does on a worker: run it inline
        });

        assertEquals("inner on gil4j-test-0", nested);
        assertFalse(pool.isWorkerThread());
        assertEquals(1, pool.stats().submitted(), "the refused calls were never submitted");
    }

    @Test
    void stats_count_workers_queue_waits_and_worker_cpu_time() throws Throwable {
        WorkerPool pool = pool(2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isThreadCpuTimeSupported();
        long busyNanos = TimeUnit.MILLISECONDS.toNanos(30);
        for (int i = 0; i < 3; i++) {
            pool.call(() -> {
                // Spin on the worker's own CPU clock, not the wall clock: on a loaded machine a thread
                // that spins 30 ms of wall time may have had far less of a core.
                long start = cpuTimed ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                while ((cpuTimed ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start < busyNanos) {
                    Thread.onSpinWait();
                }
                return null;
            });
        }

        PoolStats stats = pool.stats();
        assertEquals(2, stats.startedWorkers(), "all workers start with the first submission");
        assertEquals(16, stats.queueCapacity());
        assertEquals(3, stats.queueWaits().count(), "one queue wait per call that started");
        assertEquals(0, stats.busyWorkers());
        if (cpuTimed) {
            assertTrue(
                    stats.cpuNanos() >= 3 * busyNanos,
                    "workers spun 90 ms of CPU, counted " + stats.cpuNanos() + " ns");
        }
    }

    @Test
    void constructor_refuses_no_workers_and_no_queue() {
        ThreadFactory threads = WorkerPool.daemonThreads("bad");
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool("bad", 0, 1, QueuePolicy.BLOCK, threads));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool("bad", 1, 0, QueuePolicy.BLOCK, threads));
    }

    private static boolean hasFrame(StackTraceElement[] stack, String method) {
        for (StackTraceElement frame : stack) {
            if (frame.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }
}
