package io.gil4j.experiment;

import java.util.List;

/**
 * The speedup of B over A from paired rounds, with a 95 % confidence interval: the geometric mean of the
 * per-round throughput ratios, and Student's t interval on their logarithms (ratios are symmetric on a log
 * scale: 2× and 0.5× are equally far from 1).
 *
 * @param estimate the geometric mean of the ratios
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 * @param rounds how many ratios it rests on
 */
record SpeedupInterval(double estimate, double low, double high, int rounds) {

    /** Student's t, two-sided 95 %, for 1 to 30 degrees of freedom; beyond, the normal 1.96. */
    private static final double[] T_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
        2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    /**
     * The interval of {@code ratios}, each B's throughput over A's in one round.
     *
     * @throws IllegalArgumentException with fewer than two ratios, or a ratio that is not positive and finite
     */
    static SpeedupInterval of(List<Double> ratios) {
        int n = ratios.size();
        if (n < 2) {
            throw new IllegalArgumentException("an interval needs at least two rounds, got " + n);
        }
        double sum = 0;
        for (double ratio : ratios) {
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("a round without marked calls in one mode: ratio " + ratio);
            }
            sum += Math.log(ratio);
        }
        double mean = sum / n;
        double squares = 0;
        for (double ratio : ratios) {
            squares += (Math.log(ratio) - mean) * (Math.log(ratio) - mean);
        }
        double halfWidth = t975(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new SpeedupInterval(Math.exp(mean), Math.exp(mean - halfWidth), Math.exp(mean + halfWidth), n);
    }

    static double t975(int degreesOfFreedom) {
        return degreesOfFreedom <= T_975.length ? T_975[degreesOfFreedom - 1] : 1.96;
    }

    /** True if {@code speedup} lies within the interval. */
    boolean contains(double speedup) {
        return speedup >= low && speedup <= high;
    }
}
