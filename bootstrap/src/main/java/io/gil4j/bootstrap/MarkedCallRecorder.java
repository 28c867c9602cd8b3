package io.gil4j.bootstrap;

/**
 * What measures marked calls for the agent, installed with {@link Hooks#record}: the caller's view of each
 * call of a marked method, wherever it ran. Implemented once, inside the agent's own class loader.
 *
 * <p>Contract for implementations: every method may be called from any thread, concurrently, and must be
 * cheap (it runs once or twice per marked call); implementations may throw, and {@link Hooks} swallows and
 * counts what they throw.
 */
public interface MarkedCallRecorder {

    /**
     * The CPU time the calling thread has used.
     *
     * @return the calling thread's CPU time in nanoseconds, or 0 if the JVM does not measure it
     */
    long threadCpuNanos();

    /**
     * A marked call has returned or thrown in its caller.
     *
     * @param type the class declaring the method
     * @param method the method's name followed by its descriptor, as {@link AgentRuntime#offload} gets it
     * @param mode the mode whose route ran it, or null if it ran in the caller (then it belongs to the
     *     mode current now)
     * @param nanos the time from the call's entry to its end, as the caller saw it
     * @param cpuNanos CPU time the caller's thread used meanwhile if the call ran there, else 0
     * @param returned what the call returned (a {@code CompletionStage} completes later), or null
     * @param thrown what the call threw, or null
     * @param nested true if the call ran inside another marked call of the same thread: a pool runs a marked
     *     call's nested ones inline on its worker, unmeasured, so only calls that are not nested count the
     *     work done the same way in every mode
     */
    void ended(
            Class<?> type,
            String method,
            String mode,
            long nanos,
            long cpuNanos,
            Object returned,
            Throwable thrown,
            boolean nested);
}
