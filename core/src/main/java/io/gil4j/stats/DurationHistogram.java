package io.gil4j.stats;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts durations into fixed buckets from 10 µs to 1 s: the bucket advice of every duration histogram
 * gil4j exports, in nanoseconds.
 *
 * <p>Contract: {@link #record} may be called by any number of threads at once and never blocks (one
 * {@link LongAdder} per bucket and one for the sum, so writers do not share a cache line for long);
 * {@link #snapshot()} may be called by any thread at any time and does not stop the writers, so a snapshot
 * taken during a recording may hold its count and not yet its sum, never the reverse of a finished one.
 * Every bucket only grows.
 */
public final class DurationHistogram {

    private static final long US = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long[] BOUNDS = {
        10 * US,
        25 * US,
        50 * US,
        100 * US,
        250 * US,
        500 * US,
        MS,
        5 * MS / 2,
        5 * MS,
        10 * MS,
        25 * MS,
        50 * MS,
        100 * MS,
        250 * MS,
        500 * MS,
        1000 * MS,
    };

    /**
     * The inclusive upper bound of each bucket in nanoseconds; one more bucket, past the last bound, counts
     * longer durations. Bucket {@code i} counts durations {@code d} with {@code bound(i-1) < d <= bound(i)}.
     */
    public static final List<Long> BOUNDS_NANOS = List.of(
            BOUNDS[0],
            BOUNDS[1],
            BOUNDS[2],
            BOUNDS[3],
            BOUNDS[4],
            BOUNDS[5],
            BOUNDS[6],
            BOUNDS[7],
            BOUNDS[8],
            BOUNDS[9],
            BOUNDS[10],
            BOUNDS[11],
            BOUNDS[12],
            BOUNDS[13],
            BOUNDS[14],
            BOUNDS[15]);

    /** How many buckets a histogram has: one per bound and one past the last. */
    public static final int BUCKETS = BOUNDS.length + 1;

    private final LongAdder[] counts = new LongAdder[BUCKETS];
    private final LongAdder sumNanos = new LongAdder();

    public DurationHistogram() {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts one duration; a negative one (a clock read out of order) counts as zero. */
    public void record(long nanos) {
        record(nanos, 1);
    }

    /**
     * Counts a duration {@code weight} times: for a sample that stands for {@code weight} events, so that
     * the counts and the sum stay unbiased estimates of all of them.
     */
    public void record(long nanos, long weight) {
        long d = Math.max(0, nanos);
        counts[bucketOf(d)].add(weight);
        sumNanos.add(d * weight);
    }

    /** The bucket that counts {@code nanos} (at least 0). */
    static int bucketOf(long nanos) {
        int i = 0;
        while (i < BOUNDS.length && nanos > BOUNDS[i]) {
            i++;
        }
        return i;
    }

    /** The counts now. */
    public HistogramSnapshot snapshot() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts[i].sum();
        }
        return new HistogramSnapshot(copy, sumNanos.sum());
    }
}
