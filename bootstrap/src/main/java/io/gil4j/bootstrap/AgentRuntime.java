package io.gil4j.bootstrap;

/**
 * What the agent behind the bootstrap surface provides. Implemented once, inside the agent's own class
 * loader, and installed with {@link Hooks#install}; the bootstrap classes call it only on slow paths.
 *
 * <p>Contract for implementations: every method may be called from any thread, including threads the
 * agent has never seen, and must be safe to call re-entrantly from code the agent itself instruments.
 * Implementations may throw; {@link Hooks} and {@link Blocking} swallow and count what they throw, so
 * nothing reaches the application.
 */
public interface AgentRuntime {

    /**
     * Called at a check point (method entry, loop back-edge) whose fast path failed: the calling thread is
     * not cleared to run. Returns once it may run on: holding the lock while one is in force.
     */
    void checkpoint();

    /**
     * Called before a blocking call, made from instrumented code or at a JDK choke point by any thread. Must
     * release the lock only if the calling thread holds it, and never from inside the lock's own code.
     *
     * @return true if the lock was released and must be taken again by {@link #afterBlocking()}
     */
    boolean beforeBlocking();

    /** Called after a blocking call for which {@link #beforeBlocking()} returned true. */
    void afterBlocking();

    /**
     * Called after {@code Object.wait} for which {@link #beforeBlocking()} returned true: the calling thread
     * holds the monitor it waited on, which the lock's holder may be blocked entering, so it must not wait
     * for the lock as if it held nothing. By default, {@link #afterBlocking()}.
     */
    default void afterWaiting() {
        afterBlocking();
    }

    /**
     * Called as a thread ends (the end of a virtual thread's task, a platform thread's last Java code), by that
     * thread: must release the lock if it holds it, as an exit. A thread keeps the lock through returns, so
     * without this one that ends holding it would leave it to a dead owner until a waiter looked.
     */
    void threadEnds();

    /**
     * Called at the entry of a marked method, by a thread that is no {@link WorkerThread}, while
     * {@link Hooks#offloading(boolean)} is on: runs the call the way the current mode says and waits for it.
     *
     * <p>Contract: returning null means the call has not run and the caller must run it inline; throwing
     * means the same. Once the call has been handed to a worker, every outcome — the method's own
     * exception, a value that cannot cross, a dead worker — is returned as an {@link Offloaded}, whose value
     * the method can return (boxed for a primitive type), because the offload advice casts it to that type.
     *
     * @param type the class declaring the method
     * @param method the method's name followed by its descriptor, e.g. {@code quote(ILjava/lang/String;)J}
     * @param receiver the instance, or null for a static method
     * @param arguments the arguments, primitives boxed
     * @return how the call ended on the worker, or null if it has not run and the caller must run it inline
     */
    Offloaded offload(Class<?> type, String method, Object receiver, Object[] arguments);

    /**
     * The current mode's name, as the configuration spells it.
     *
     * @return the current mode's name, never null
     */
    String mode();

    /**
     * Switches the mode.
     *
     * @param mode the new mode's name, as the configuration spells it
     * @throws IllegalArgumentException naming the accepted values if {@code mode} is not one of them
     */
    void switchMode(String mode);
}
