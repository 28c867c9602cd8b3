package io.gil4j.demo.workload;

import java.io.Serializable;

/**
 * Summary statistics of a data set, as {@link Stats} computes them. Two summaries are equal when every
 * field is bitwise equal ({@code Double.compare}), which holds for the same data summed in the same order.
 *
 * @param count the number of values
 * @param mean the arithmetic mean
 * @param variance the sample variance (divided by {@code count - 1}), as Python's
 *     {@code statistics.variance}; 0 for a single value
 * @param min the smallest value
 * @param max the largest value
 * @param median the 50th percentile
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 */
public record Summary(
        int count, double mean, double variance, double min, double max, double median, double p90, double p99)
        implements Serializable {}
