package io.gil4j.advice;

/**
 * Gunther's Universal Scalability Law fitted to measured speedups: {@code S(N) = N / (1 + σ(N-1) + κN(N-1))},
 * where σ is contention (the share that queues for something shared, Amdahl's serial fraction) and κ is
 * coherency (the cost each worker adds to every other, which makes throughput fall past a peak).
 *
 * <p><b>The fit.</b> With {@code S(1) = 1}, the law is linear in its parameters: {@code N/S(N) - 1 =
 * σ(N-1) + κN(N-1)}; least squares over the points with {@code N ≥ 2}, through the origin, gives σ and κ,
 * each at least 0 (a negative one is set to 0 and the other fitted alone: measured superlinear speedups
 * are caches, not a law that holds beyond the machine). One worker count besides 1 fixes one parameter
 * only: κ is then 0 and the law is Amdahl's, which {@link #coherencyFitted()} says.
 *
 * @param contention σ
 * @param coherency κ
 * @param coherencyFitted whether the points had two worker counts above 1, so that κ was fitted, not assumed 0
 */
public record ScalingLaw(double contention, double coherency, boolean coherencyFitted) {

    /**
     * Fits the law to {@code speedups[i]} measured with {@code workers[i]} workers, each relative to one
     * worker; points with one worker, or without a positive speedup, carry nothing and are skipped.
     *
     * @throws IllegalArgumentException if the arrays differ in length or no point has two workers or more
     */
    public static ScalingLaw fit(int[] workers, double[] speedups) {
        if (workers.length != speedups.length) {
            throw new IllegalArgumentException(workers.length + " worker counts, " + speedups.length + " speedups");
        }
        double xx = 0;
        double xz = 0;
        double zz = 0;
        double xy = 0;
        double zy = 0;
        long counts = 0;
        for (int i = 0; i < workers.length; i++) {
            int n = workers[i];
            if (n < 2 || !(speedups[i] > 0)) {
                continue;
            }
            double x = n - 1;
            double z = (double) n * (n - 1);
            double y = n / speedups[i] - 1;
            xx += x * x;
            xz += x * z;
            zz += z * z;
            xy += x * y;
            zy += z * y;
            counts |= 1L << Math.min(n, 63);
        }
        if (counts == 0) {
            throw new IllegalArgumentException("no speedup measured with two workers or more");
        }
        boolean twoCounts = Long.bitCount(counts) >= 2;
        double determinant = xx * zz - xz * xz;
        if (twoCounts && determinant > 0) {
            double sigma = (xy * zz - zy * xz) / determinant;
            double kappa = (zy * xx - xy * xz) / determinant;
            if (sigma >= 0 && kappa >= 0) {
                return new ScalingLaw(sigma, kappa, true);
            }
            if (sigma < 0) {
                return new ScalingLaw(0, Math.max(0, zy / zz), true);
            }
        }
        return new ScalingLaw(Math.max(0, xy / xx), 0, twoCounts);
    }

    /** The speedup the law predicts on {@code workers} workers over one. */
    public double speedup(int workers) {
        return workers / (1 + contention * (workers - 1) + coherency * workers * (workers - 1.0));
    }

    /** The worker count where the speedup peaks, {@code sqrt((1-σ)/κ)}; infinite without coherency cost. */
    public double peakWorkers() {
        return coherency > 0 ? Math.sqrt(Math.max(0, 1 - contention) / coherency) : Double.POSITIVE_INFINITY;
    }
}
