/**
 * The work the bench runs: deterministic tasks that stand for what Python programs do on threads.
 *
 * <p>Each {@link io.gil4j.demo.workload.Workload} runs task {@code i} the same way every time and returns a
 * value that compares with {@code equals}, so the bench can check every mode against the sequential run
 * and the JIT cannot drop the work. The inner loops are written as plain loops on purpose: their back-edges
 * are where the agent puts its check points, as CPython checks at {@code JUMP_BACKWARD}.
 */
package io.gil4j.demo.workload;
