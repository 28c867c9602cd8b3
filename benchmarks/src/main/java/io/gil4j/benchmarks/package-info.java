/**
 * JMH benchmarks of gil4j: what the interpreter lock costs uncontended ({@link
 * io.gil4j.benchmarks.LockBenchmark}), what a loop back-edge check point costs ({@link
 * io.gil4j.benchmarks.CheckpointBenchmark}), and what the agent costs a single-threaded demo workload
 * ({@link io.gil4j.benchmarks.WorkloadBenchmark}).
 *
 * <p>Every benchmark runs from the repository root after {@code ./mvnw -B -DskipTests package}, which
 * builds both {@code benchmarks/target/gil4j-benchmarks.jar} and the agent jar that forks attach by a path
 * relative to that root ({@link io.gil4j.benchmarks.AgentAttachment}). Each class's javadoc gives its
 * command and how to read its figures.
 */
package io.gil4j.benchmarks;
