package io.gil4j.it.app;

import java.util.List;

/** What the callers of marked calls are doing, as the JVM sees their threads. */
final class Callers {

    private Callers() {}

    /**
     * How many of {@code callers} wait: for their call's result, or for their turn in a queue. (A caller whose
     * call runs in a worker JVM may read its socket, RUNNABLE: count on one a route not waiting.)
     */
    static long waiting(List<Thread> callers) {
        return callers.stream()
                .map(Thread::getState)
                .filter(state -> state == Thread.State.WAITING
                        || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.BLOCKED)
                .count();
    }
}
