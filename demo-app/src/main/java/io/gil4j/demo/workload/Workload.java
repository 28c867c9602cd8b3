package io.gil4j.demo.workload;

/**
 * A set of independent tasks, numbered from 0.
 *
 * <p>Contract: {@link #runTask(int)} may be called from any thread, concurrently for different (or equal)
 * indexes; for a given index it always returns an equal result. A workload that holds resources (a server)
 * releases them in {@link #close()}; after that no task may run.
 */
public interface Workload extends AutoCloseable {

    /** The name the command line uses for this workload ({@code primes}, {@code io}, …). */
    String name();

    /**
     * Runs task {@code taskIndex} to completion on the calling thread.
     *
     * @return the task's result; equal for equal indexes
     * @throws Exception if the task failed (an I/O task may fail with an {@link java.io.IOException})
     */
    Object runTask(int taskIndex) throws Exception;

    /** Releases what the workload holds; the default holds nothing. */
    @Override
    default void close() {}
}
