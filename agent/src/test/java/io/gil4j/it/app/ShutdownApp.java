package io.gil4j.it.app;

import io.gil4j.api.Offload;
import java.util.concurrent.CountDownLatch;

/**
 * Leaves marked calls running and queued when {@code main} returns: THREADS daemon threads each call a
 * marked method that sleeps SLEEP_MS, on a pool of one worker, so one runs and the rest wait in its queue.
 * At exit the agent lets the running call finish (it prints {@code slow done}) and fails or finishes the
 * queued ones within its shutdown bound; the JVM must exit, and the agent print nothing.
 */
public final class ShutdownApp {

    private static final int THREADS = 4;
    private static final long SLEEP_MS = 1_000;

    private ShutdownApp() {}

    @Offload
    static void slow() throws InterruptedException {
        Thread.sleep(SLEEP_MS);
        System.out.println("slow done");
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            Thread caller = new Thread(() -> {
                started.countDown();
                try {
                    slow();
                } catch (InterruptedException | RuntimeException e) {
                    // a call failed at shutdown: expected for the queued ones
                }
            }, "caller-" + i);
            caller.setDaemon(true);
            caller.start();
        }
        started.await();
        Thread.sleep(100); // let the calls reach the pool: one running, the others queued
        System.out.println("main returns");
    }
}
