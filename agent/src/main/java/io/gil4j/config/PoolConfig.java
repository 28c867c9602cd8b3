package io.gil4j.config;

import io.gil4j.pool.QueuePolicy;
import java.time.Duration;

/**
 * What the thread pools of the {@code sequential} and {@code interpreters} routes are built with.
 *
 * @param workers {@code workers}: the interpreters' pool size
 * @param queue {@code pool.queue}: calls that may wait per pool
 * @param policy {@code pool.policy}: what a call meets at a full queue
 * @param isolatedInterpreters {@code interpreters.isolation=classloader}: each interpreter loads the marked
 *     classes anew
 * @param shutdownDrain {@code shutdown.drain}: how long JVM exit waits for calls of non-daemon callers
 */
public record PoolConfig(
        int workers, int queue, QueuePolicy policy, boolean isolatedInterpreters, Duration shutdownDrain) {}
