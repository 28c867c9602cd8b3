/**
 * Interpreter pools: the JVM counterpart of Python's {@code InterpreterPoolExecutor}. A {@link
 * io.gil4j.pool.WorkerPool} runs marked calls on a fixed set of daemon worker threads, each the only
 * user of its own {@link io.gil4j.gil.InterpreterLock} (its "interpreter"), fed from one bounded FIFO
 * queue whose overflow a {@link io.gil4j.pool.QueuePolicy} decides. Depends on the JDK, {@code
 * io.gil4j.gil} and {@code io.gil4j.offload} only.
 */
package io.gil4j.pool;
