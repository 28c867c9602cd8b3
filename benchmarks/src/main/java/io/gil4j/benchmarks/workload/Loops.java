package io.gil4j.benchmarks.workload;

/**
 * Loops over an {@code int} array whose back-edges the agent turns into check points. Each method returns
 * a value that depends on every element, so the JIT cannot drop any iteration; a benchmark returns that
 * value to JMH.
 *
 * <p>The two loops bound the cost of a check point from both sides: {@link #sum} does the least work a loop
 * can do per element (one add), so the check point is as large a share of it as it can be; {@link #mix}
 * is a serial chain of multiply-adds whose latency can hide the check point's independent instructions,
 * as real work in a loop body would.
 */
public final class Loops {

    private Loops() {}

    /**
     * The first element: an instrumented method without a loop, so that under the agent its cost over a
     * plain JVM is one method entry and exit, no check point.
     *
     * @throws ArrayIndexOutOfBoundsException if {@code values} is empty
     */
    public static int first(int[] values) {
        return values[0];
    }

    /** The sum of the elements, wrapping on overflow: one back-edge per element. */
    public static int sum(int[] values) {
        int sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** The polynomial hash {@code h = 31 * h + v} over the elements, from 1: one back-edge per element. */
    public static int mix(int[] values) {
        int hash = 1;
        for (int i = 0; i < values.length; i++) {
            hash = 31 * hash + values[i];
        }
        return hash;
    }
}
