package io.gil4j.experiment;

/**
 * The result of the last A/B experiment that completed, for the metrics: the speedup of B over A and its
 * 95 % confidence interval.
 *
 * @param a the baseline mode's name
 * @param b the compared mode's name
 * @param speedup B's throughput over A's, the geometric mean over the rounds
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 */
public record ExperimentOutcome(String a, String b, double speedup, double low, double high) {}
