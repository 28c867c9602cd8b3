package io.gil4j.it.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fresh threads enter the selected code in each way the JDK enters application code — a {@code Runnable}'s
 * {@code run}, a lambda, a method reference to a static and to an instance method, a {@code Callable} on an
 * executor — and, once all five have entered, each bumps one unsynchronized counter in a loop that calls
 * nothing, so has no check point of its own: only the check at the entry makes the thread take the lock (which
 * it gives up while it waits for the others, and takes back after). A way of entering that took no lock would
 * let threads bump side by side and lose updates. Prints {@code count=<n> expected=<n>}.
 */
public final class EntriesApp {

    private static final int WAVES = 100;
    private static final int BUMPS = 20_000;
    private static final int ENTRIES = 5;
    private static final CyclicBarrier TOGETHER = new CyclicBarrier(ENTRIES);
    private static long count;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        long expected = 0;
        for (int wave = 0; wave < WAVES; wave++) {
            List<Thread> threads = List.of(
                    new Thread(new Bumper()),
                    new Thread(() -> add()),
                    new Thread(EntriesApp::bumpStatic),
                    new Thread(new EntriesApp()::bumpMine));
            threads.forEach(Thread::start);
            List<Future<Integer>> calls = new ArrayList<>();
            calls.add(pool.submit(new Counted()));
            for (Thread thread : threads) {
                thread.join();
            }
            for (Future<Integer> call : calls) {
                call.get();
            }
            expected += (long) ENTRIES * BUMPS;
        }
        pool.shutdown();
        System.out.println("count=" + count + " expected=" + expected);
    }

    /** Reached only through the entries above; has no check point of its own. */
    private static void add() {
        try {
            TOGETHER.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < BUMPS; i++) {
            count++;
        }
    }

    private static void bumpStatic() {
        add();
    }

    private void bumpMine() {
        add();
    }

    private static final class Bumper implements Runnable {
        @Override
        public void run() {
            add();
        }
    }

    private static final class Counted implements Callable<Integer> {
        @Override
        public Integer call() {
            add();
            return BUMPS;
        }
    }
}
