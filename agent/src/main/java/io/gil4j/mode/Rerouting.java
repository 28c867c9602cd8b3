package io.gil4j.mode;

import io.gil4j.api.Mode;
import io.gil4j.bootstrap.Offloaded;

/**
 * Where the calls of marked methods go in the modes that reroute them ({@link Mode#reroutesMarkedCalls()}).
 * Implemented by the dispatch layer; the {@link ModeController} calls it with the mode read once at the
 * call's entry, so a call runs to its end on the route it started on, whatever switches meanwhile.
 */
public interface Rerouting {

    /** Routes to nowhere: every call runs inline. */
    Rerouting INLINE = (mode, type, method, receiver, arguments) -> null;

    /**
     * Runs the call on {@code mode}'s route and waits for it, with the contract of
     * {@link io.gil4j.bootstrap.AgentRuntime#offload}: null or a throwable means it has not run.
     */
    Offloaded run(Mode mode, Class<?> type, String method, Object receiver, Object[] arguments) throws Exception;
}
