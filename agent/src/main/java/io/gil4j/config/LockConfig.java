package io.gil4j.config;

import io.gil4j.gil.Algorithm;

/**
 * What the main interpreter lock is built with.
 *
 * @param algorithm {@code gil}: the new or the legacy GIL
 * @param switchIntervalNanos {@code switch-interval}
 * @param checkInterval {@code check-interval}, for the legacy GIL
 * @param holdSampleRate {@code hold.sample-rate}: samples a second of the lock's holder, 0 for no sampler
 */
public record LockConfig(Algorithm algorithm, long switchIntervalNanos, int checkInterval, int holdSampleRate) {}
