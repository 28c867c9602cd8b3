package io.gil4j.it.app;

import io.gil4j.api.Offload;
import io.gil4j.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

/**
 * Three callers at once on a pool of one worker with a queue of one: one call runs, one waits, and the
 * third meets the full queue. Prints, per caller, where its call ran or how it was refused.
 */
public final class BurstApp {

    private static final CountDownLatch RUNNING = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private BurstApp() {}

    @Offload
    static String hold() throws InterruptedException {
        RUNNING.countDown();
        RELEASE.await();
        return Thread.currentThread().getName();
    }

    @Offload
    static String quick() {
        return Thread.currentThread().getName();
    }

    public static void main(String[] args) throws Exception {
        Thread first = new Thread(() -> print("first", BurstApp::hold), "first");
        first.start();
        RUNNING.await(); // the worker is busy
        Thread second = new Thread(() -> print("second", BurstApp::quick), "second");
        second.start();
        Eventually.await(
                "the second call in the queue, its caller waiting for it",
                Duration.ofSeconds(20),
                Duration.ofMillis(1),
                () -> waitsInPool(second));
        print("third", BurstApp::quick);
        RELEASE.countDown();
        first.join();
        second.join();
    }

    private static boolean waitsInPool(Thread caller) {
        for (StackTraceElement frame : caller.getStackTrace()) {
            if (frame.getClassName().equals("io.gil4j.pool.WorkerPool")
                    && frame.getMethodName().equals("call")) {
                return true;
            }
        }
        return false;
    }

    private interface Call {
        String run() throws Exception;
    }

    private static void print(String caller, Call call) {
        String outcome;
        try {
            outcome = "ran on " + call.run();
        } catch (RejectedExecutionException e) {
            outcome = "rejected: " + e.getMessage();
        } catch (Exception e) {
            outcome = "failed: " + e;
        }
        System.out.println(caller + " " + outcome);
    }
}
