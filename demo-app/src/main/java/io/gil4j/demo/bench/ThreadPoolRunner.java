package io.gil4j.demo.bench;

import io.gil4j.demo.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks on a plain fixed thread pool, as an application would: submit all, then wait for each
 * future in order. The pool's threads are named {@code bench-<row>-<n>} and start lazily.
 */
final class ThreadPoolRunner implements TaskRunner {

    private static final long SHUTDOWN_SECONDS = 60;

    private final int workers;
    private final ExecutorService pool;

    /**
     * A pool of {@code workers} threads for the row named {@code row}.
     *
     * @throws IllegalArgumentException if {@code workers} is not positive
     */
    ThreadPoolRunner(String row, int workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("workers must be positive, got " + workers);
        }
        this.workers = workers;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(
                workers, body -> new Thread(body, "bench-" + row + "-" + count.incrementAndGet()));
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public List<Object> runAll(Workload workload, int tasks) throws TaskFailedException, InterruptedException {
        List<Future<Object>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int index = i;
            Callable<Object> task = () -> workload.runTask(index);
            futures.add(pool.submit(task));
        }
        List<Object> results = new ArrayList<>(tasks);
        try {
            for (int i = 0; i < tasks; i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new TaskFailedException(i, e.getCause());
                }
            }
        } finally {
            if (results.size() < tasks) {
                futures.forEach(f -> f.cancel(true));
            }
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
