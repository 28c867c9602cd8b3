package io.gil4j.demo.workload;

import io.gil4j.api.Offload;
import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Data analysis: each task generates a pseudo-random data set seeded by its index, then summarises it
 * (mean, variance, min, max and percentiles).
 *
 * <p>Generation and the passes over the data are loops in this class, so the agent checks at their
 * back-edges. The sort is one long call into the JDK, which the agent does not instrument: like a C
 * function in CPython that keeps the GIL, it holds the lock from start to end.
 */
public final class Stats implements Workload, Serializable {

    private static final long serialVersionUID = 1L;

    /** Values per task by default: about 0.2 s per task in plain Java on the reference machine. */
    static final int DEFAULT_VALUES = 2_000_000;
    /** Values per task for {@link Size#SMALL}. */
    static final int SMALL_VALUES = 20_000;

    private final int values;

    /**
     * A workload whose tasks each summarise {@code values} generated values.
     *
     * @throws IllegalArgumentException if {@code values} is not positive
     */
    public Stats(int values) {
        if (values <= 0) {
            throw new IllegalArgumentException("values must be positive, got " + values);
        }
        this.values = values;
    }

    static Workload ofSize(Size size) {
        return new Stats(size == Size.SMALL ? SMALL_VALUES : DEFAULT_VALUES);
    }

    @Override
    public String name() {
        return "stats";
    }

    @Offload
    @Override
    public Object runTask(int taskIndex) {
        return summarize(generate(taskIndex, values));
    }

    /**
     * The data set of task {@code seed}: {@code count} values around 100 (normal, standard deviation 15),
     * the same for the same seed.
     */
    static double[] generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[count];
        for (int i = 0; i < count; i++) {
            data[i] = 100.0 + 15.0 * random.nextGaussian();
        }
        return data;
    }

    /**
     * Summarises {@code data} without changing it.
     *
     * @throws IllegalArgumentException if {@code data} is empty
     */
    public static Summary summarize(double[] data) {
        int n = data.length;
        if (n == 0) {
            throw new IllegalArgumentException("no data");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : data) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / n;
        double squares = 0;
        for (double x : data) {
            double d = x - mean;
            squares += d * d;
        }
        double variance = n == 1 ? 0 : squares / (n - 1);
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        return new Summary(
                n,
                mean,
                variance,
                min,
                max,
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99));
    }

    /**
     * The {@code q}-quantile of sorted data by linear interpolation between the two nearest ranks, as
     * NumPy's default {@code percentile} (so the median of an even count is the mean of the middle two).
     */
    static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
