package io.gil4j.realcode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a task's calls on a plain {@link Executors#newFixedThreadPool fixed thread pool}, one untimed warm-up
 * round and then the timed rounds, as an application would: no gil4j API, nothing but the pool.
 *
 * <p>A round submits the calls for seeds {@code 0..tasks-1}, waits for all of them and is timed from the
 * first submission to the last result, by wall clock. Its checksum folds the calls' results in seed order,
 * so it is the same whichever thread, interpreter or worker JVM ran which call.
 */
final class Rounds {

    /** The measured rounds of one run. */
    record Result(double bestSeconds, double medianSeconds, long checksum) {}

    /** A round whose checksum differs from the warm-up round's: some mode changed what the code computed. */
    static final class ChecksumMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        ChecksumMismatch(int round, long expected, long actual) {
            super("round " + round + " computed checksum " + actual + ", the warm-up round " + expected);
        }
    }

    private Rounds() {}

    /**
     * Runs the warm-up round and {@code options.rounds()} timed rounds, reporting each on {@code progress}.
     *
     * @throws ChecksumMismatch if a timed round's checksum differs from the warm-up round's
     * @throws ExecutionException if a call threw; its exception is the cause
     */
    static Result run(Options options, PrintStream progress)
            throws ChecksumMismatch, ExecutionException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            long expected = round(pool, options);
            progress.printf(
                    "[realcode] %s: warm-up done, checksum %d%n", options.task().id(), expected);
            double[] seconds = new double[options.rounds()];
            for (int r = 0; r < seconds.length; r++) {
                long started = System.nanoTime();
                long checksum = round(pool, options);
                seconds[r] = (System.nanoTime() - started) / 1e9;
                if (checksum != expected) {
                    throw new ChecksumMismatch(r + 1, expected, checksum);
                }
                progress.printf(
                        Locale.ROOT,
                        "[realcode] %s: round %d/%d %.3f s%n",
                        options.task().id(),
                        r + 1,
                        seconds.length,
                        seconds[r]);
            }
            Arrays.sort(seconds);
            return new Result(seconds[0], median(seconds), expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long round(ExecutorService pool, Options options) throws ExecutionException, InterruptedException {
        Task task = options.task();
        List<Future<Long>> calls = new ArrayList<>(options.tasks());
        for (int seed = 0; seed < options.tasks(); seed++) {
            int s = seed;
            calls.add(pool.submit(() -> task.run(s)));
        }
        long checksum = 0;
        for (Future<Long> call : calls) {
            checksum = checksum * 1_000_003 + call.get();
        }
        return checksum;
    }

    /** The median of sorted {@code values}: the middle one, or the mean of the middle two. */
    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
