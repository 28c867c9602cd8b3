package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.fail;

import io.gil4j.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Test support: threads that start a body together and run it until it returns or they are told to stop,
 * all joined by a deadline (a jsr166-style timed loop). A thread still alive at the deadline fails the test
 * with a dump of every thread; a body that threw fails it with that exception.
 */
final class GuardedWorkers implements AutoCloseable {

    /** What each worker runs. */
    @FunctionalInterface
    interface Body {
        /**
         * @param index the worker's number, 0 to count - 1
         * @param stopping true once the test has asked the workers to stop
         */
        void run(int index, BooleanSupplier stopping) throws Exception;
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);
    /** Busy work between two check points of a CPU-bound thread: some hundreds of nanoseconds. */
    private static final int CPU_BOUND_ROUNDS = 200;

    @SuppressWarnings("unused") // written so that the JIT keeps the busy work
    private static volatile long sink;

    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private boolean joined;

    private GuardedWorkers() {}

    /** Starts {@code count} daemon threads called {@code name-i}; their bodies begin together. */
    static GuardedWorkers start(String name, int count, Body body) {
        GuardedWorkers workers = new GuardedWorkers();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(
                    () -> {
                        try {
                            go.await();
                            body.run(index, workers::stopping);
                        } catch (Throwable t) {
                            workers.failures.add(t);
                        }
                    },
                    name + "-" + i);
            thread.setDaemon(true);
            workers.threads.add(thread);
            thread.start();
        }
        go.countDown();
        return workers;
    }

    boolean stopping() {
        return stopping;
    }

    /** Asks every worker to stop; see {@link Body#run}. */
    void stop() {
        stopping = true;
    }

    /**
     * Waits until every worker has ended; fails the test, with a thread dump, if one is still alive after
     * {@code timeout}, or with the first exception a body threw.
     */
    void join(Duration timeout) {
        joined = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> alive = new ArrayList<>();
        try {
            for (Thread thread : threads) {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
                if (thread.isAlive()) {
                    alive.add(thread.getName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining workers", e);
        }
        if (!alive.isEmpty()) {
            stop();
            fail(alive + " still running after " + timeout + "\n" + Eventually.dumpAllThreads());
        }
        Throwable first = failures.poll();
        if (first != null) {
            AssertionError error = new AssertionError("a worker failed: " + first, first);
            for (Throwable other = failures.poll(); other != null; other = failures.poll()) {
                error.addSuppressed(other);
            }
            throw error;
        }
    }

    /** Stops and joins the workers unless {@link #join} already did. */
    @Override
    public void close() {
        if (!joined) {
            stop();
            join(CLOSE_TIMEOUT);
        }
    }

    /** Busy work the JIT cannot remove: {@code rounds} steps of a linear congruential generator. */
    static long burn(long seed, int rounds) {
        long x = seed;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    /** Keeps the result of busy work alive. */
    static void consume(long value) {
        sink = value;
    }

    /**
     * Runs {@code threads} CPU-bound threads that take the lock once and then only pass check points, for
     * {@code duration}; returns how many times the guarded code saw the thread change.
     */
    static long runCpuBound(InterpreterLock lock, int threads, Duration duration) {
        Thread[] lastRunner = new Thread[1]; // guarded by the lock
        long[] observedSwitches = new long[1]; // guarded by the lock
        AtomicLong work = new AtomicLong();
        try (GuardedWorkers workers = GuardedWorkers.start("cpu", threads, (index, stopping) -> {
            Thread me = Thread.currentThread();
            long x = index;
            if (!lock.acquire()) {
                throw new AssertionError("the lock is disabled");
            }
            while (!stopping.getAsBoolean()) {
                if (lastRunner[0] != me) {
                    lastRunner[0] = me;
                    observedSwitches[0]++;
                }
                x = burn(x, CPU_BOUND_ROUNDS);
                lock.checkpoint();
            }
            lock.release(SwitchReason.EXIT);
            work.addAndGet(x);
        })) {
            Eventually.await(
                    "every thread took the lock",
                    Duration.ofSeconds(5),
                    () -> lock.stats().switchNumber() >= threads);
            LockSupport.parkNanos(duration.toNanos()); // the run's length, not a wait for a condition
            workers.stop();
            workers.join(Duration.ofSeconds(10));
        }
        consume(work.get());
        return observedSwitches[0];
    }
}
