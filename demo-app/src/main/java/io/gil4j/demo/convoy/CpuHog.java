package io.gil4j.demo.convoy;

import io.gil4j.demo.workload.Primes;
import java.util.concurrent.CountDownLatch;

/**
 * A thread that counts primes until stopped: the CPU-bound neighbour of the convoy experiment.
 *
 * <p>{@link #start()} returns once the thread is inside its loop; {@link #stop()} asks it to finish its
 * current count (about a millisecond) and joins it. Start and stop from the same thread.
 */
final class CpuHog {

    /** Each count is short so that {@link #stop()} is prompt. */
    private static final int N = 10_000;

    private final Thread thread;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile boolean stopped;
    private long counted;

    private CpuHog() {
        thread = new Thread(this::loop, "convoy-cpu");
        thread.setDaemon(true);
    }

    /** Starts the thread and waits until it runs. */
    static CpuHog start() throws InterruptedException {
        CpuHog hog = new CpuHog();
        hog.thread.start();
        hog.running.await();
        return hog;
    }

    /**
     * Stops the thread and waits for it.
     *
     * @return the number of primes it counted, all counts together (so the work cannot be dropped)
     */
    long stop() throws InterruptedException {
        stopped = true;
        thread.join();
        return counted;
    }

    private void loop() {
        running.countDown();
        long total = 0;
        while (!stopped) {
            total += Primes.countPrimes(N);
        }
        counted = total; // published to stop() by Thread.join
    }
}
