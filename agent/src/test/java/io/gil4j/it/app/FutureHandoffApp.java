package io.gil4j.it.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Main submits short tasks to a one-thread pool and waits for each with {@code Future.get}, the way a driver
 * of a benchmark or a request fan-out does. Under {@code gil} the lock changes hands at every task: the pool
 * thread finishes a task holding the lock and parks inside the JDK (the queue's {@code take}), giving the lock
 * up on its way into the park while main, which waits for the lock, submits the next round and unparks it.
 * That unpark can come while the pool thread is still releasing; a release that parked on the lock's own
 * mutex would swallow the permit and leave the pool thread, and main behind it, parked for good. Prints
 * {@code done} and the number of tasks.
 */
public final class FutureHandoffApp {

    private static final int ROUNDS = 2_500;
    private static final int TASKS = 8;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long checksum = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Future<Long>> calls = new ArrayList<>(TASKS);
            for (int task = 0; task < TASKS; task++) {
                int seed = round * TASKS + task;
                calls.add(pool.submit(() -> work(seed)));
            }
            for (Future<Long> call : calls) {
                checksum = checksum * 31 + call.get();
            }
        }
        pool.shutdown();
        System.out.println("done " + ROUNDS * TASKS + " checksum " + checksum);
    }

    private static long work(int seed) {
        long sum = seed;
        for (int i = 0; i < 50; i++) {
            sum += Long.toString(sum).length();
        }
        return sum;
    }
}
