package io.gil4j.it.app;

import io.gil4j.it.lib.LibraryBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread per task on virtual threads: each task does a little CPU, sleeps 1 ms, does a little more and
 * ends (holding the lock, under {@code gil}). Arguments: tasks, then rounds; prints {@code best=<seconds>
 * sum=<checksum>} for the fastest round, or {@code no virtual threads} where the JDK has none.
 */
public final class VirtualThreadsApp {

    private static final AtomicLong SUM = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ThreadFactory virtual = LibraryBlocks.threads(true);
        if (virtual == null) {
            System.out.println("no virtual threads");
            return;
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            SUM.set(0);
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int seed = i;
                Thread thread = virtual.newThread(() -> task(seed));
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("best=" + best + " sum=" + SUM.get());
    }

    private static void task(int seed) {
        SUM.addAndGet(work(seed));
        try {
            Thread.sleep(1); // the behaviour under test: a virtual thread blocked, the lock released around it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SUM.addAndGet(work(seed + 1));
    }

    private static long work(int seed) {
        long h = seed;
        for (int i = 0; i < 2_000; i++) {
            h = h * 31 + i;
        }
        return h;
    }
}
