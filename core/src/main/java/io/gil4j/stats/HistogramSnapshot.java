package io.gil4j.stats;

import java.util.Arrays;

/**
 * The counts of a {@link DurationHistogram} at one moment, or a difference or sum of such moments: per
 * bucket (see {@link DurationHistogram#BOUNDS_NANOS}) and the sum of the durations counted. Immutable.
 */
public final class HistogramSnapshot {

    /** Nothing counted. */
    public static final HistogramSnapshot EMPTY = new HistogramSnapshot(new long[DurationHistogram.BUCKETS], 0);

    private final long[] counts;
    private final long sumNanos;

    HistogramSnapshot(long[] counts, long sumNanos) {
        this.counts = counts;
        this.sumNanos = sumNanos;
    }

    /** How many durations bucket {@code i} counts, {@code 0 <= i < DurationHistogram.BUCKETS}. */
    public long count(int bucket) {
        return counts[bucket];
    }

    /** How many durations were counted in all. */
    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The sum of the durations counted, in nanoseconds. */
    public long sumNanos() {
        return sumNanos;
    }

    /** This snapshot with {@code n} more durations of zero: counted in the first bucket, adding nothing to the sum. */
    public HistogramSnapshot withZeros(long n) {
        long[] more = counts.clone();
        more[0] += n;
        return new HistogramSnapshot(more, sumNanos);
    }

    /** The counts since {@code earlier}, an earlier snapshot of the same histogram. */
    public HistogramSnapshot minus(HistogramSnapshot earlier) {
        long[] since = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            since[i] = counts[i] - earlier.counts[i];
        }
        return new HistogramSnapshot(since, sumNanos - earlier.sumNanos);
    }

    /** The counts of both. */
    public HistogramSnapshot plus(HistogramSnapshot other) {
        long[] both = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            both[i] = counts[i] + other.counts[i];
        }
        return new HistogramSnapshot(both, sumNanos + other.sumNanos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramSnapshot
                && sumNanos == ((HistogramSnapshot) o).sumNanos
                && Arrays.equals(counts, ((HistogramSnapshot) o).counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Long.hashCode(sumNanos);
    }

    @Override
    public String toString() {
        return "HistogramSnapshot[count " + count() + ", sum " + sumNanos + " ns, " + Arrays.toString(counts) + "]";
    }
}
