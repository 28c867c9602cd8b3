package io.gil4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    private static final long US = TimeUnit.MICROSECONDS.toNanos(1);

    @Test
    void bucket_bounds_are_inclusive_upper_bounds_from_10us_to_1s() {
        assertEquals(16, DurationHistogram.BOUNDS_NANOS.size());
        assertEquals(10 * US, DurationHistogram.BOUNDS_NANOS.get(0));
        assertEquals(TimeUnit.SECONDS.toNanos(1), DurationHistogram.BOUNDS_NANOS.get(15));
        assertEquals(0, DurationHistogram.bucketOf(0));
        assertEquals(0, DurationHistogram.bucketOf(10 * US), "a bound belongs to the bucket it closes");
        assertEquals(1, DurationHistogram.bucketOf(10 * US + 1));
        assertEquals(15, DurationHistogram.bucketOf(TimeUnit.SECONDS.toNanos(1)));
        assertEquals(16, DurationHistogram.bucketOf(TimeUnit.SECONDS.toNanos(1) + 1), "the overflow bucket");
    }

    @Test
    void record_counts_in_one_bucket_and_adds_to_the_sum() {
        DurationHistogram histogram = new DurationHistogram();
        histogram.record(5 * US);
        histogram.record(30 * US);
        histogram.record(30 * US, 4);
        histogram.record(-7);

        HistogramSnapshot snapshot = histogram.snapshot();
        assertEquals(7, snapshot.count());
        assertEquals(2, snapshot.count(0), "5 us and the negative duration, counted as zero");
        assertEquals(5, snapshot.count(2), "(25 us, 50 us]: once plus four times");
        assertEquals(5 * US + 5 * 30 * US, snapshot.sumNanos());
    }

    @Test
    void snapshots_subtract_add_and_take_extra_zeros() {
        DurationHistogram histogram = new DurationHistogram();
        histogram.record(1_000 * US);
        HistogramSnapshot before = histogram.snapshot();
        histogram.record(2_000 * US);
        HistogramSnapshot after = histogram.snapshot();

        HistogramSnapshot since = after.minus(before);
        assertEquals(1, since.count());
        assertEquals(2_000 * US, since.sumNanos());
        assertEquals(after, before.plus(since));
        assertEquals(3, after.withZeros(1).count());
        assertEquals(1, after.withZeros(1).count(0));
        assertEquals(after.sumNanos(), after.withZeros(1).sumNanos());
        assertEquals(0, HistogramSnapshot.EMPTY.count());
    }
}
