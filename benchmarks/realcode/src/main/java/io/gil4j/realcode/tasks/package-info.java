/**
 * The benchmark's workloads: each class drives one third-party library from Maven Central through a
 * realistic job, with no gil4j annotation and no gil4j dependency.
 *
 * <p>Every class has the same contract, {@code public static long run(int seed)}: it builds its input from
 * {@code seed} alone, does its CPU-bound work through the library on the calling thread (sized to about
 * 50–150 ms per call on a 2-core build machine), keeps no mutable state of its own between calls (a
 * library's internal caches aside), and returns a checksum that depends only on {@code seed}. That makes
 * each {@code run} a method an {@code offload=pkg.Class#run} pattern can mark, and its checksum the proof
 * that a mode changed nothing but the timing.
 */
package io.gil4j.realcode.tasks;
