/**
 * A macro benchmark of gil4j on code it did not write: library workloads ({@link io.gil4j.realcode.tasks})
 * submitted to a plain {@code ExecutorService}, with no annotation, marked for the rerouting modes only by
 * the agent's {@code offload=} configuration.
 *
 * <p>{@link io.gil4j.realcode.RealCode} runs one task in one JVM and prints one CSV line; {@code
 * benchmarks/realcode.py} starts a fresh JVM per configuration (no agent, each mode, one and N threads),
 * interleaves the repeats and tabulates the ratios. Build with {@code ./mvnw -B -DskipTests package} and
 * run from the repository root:
 *
 * <pre>
 * python3 benchmarks/realcode.py --repeat 3 --rounds 3 --selection default
 * </pre>
 */
package io.gil4j.realcode;
