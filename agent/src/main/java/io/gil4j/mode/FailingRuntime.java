package io.gil4j.mode;

import io.gil4j.bootstrap.AgentRuntime;
import io.gil4j.bootstrap.MarkedCallRecorder;
import io.gil4j.bootstrap.Offloaded;

/**
 * A runtime and a recorder of marked calls whose every hook throws, for {@code gil4j.inject-faults=true}:
 * it proves that a failure inside the agent never reaches the application. Mode queries still answer, so
 * the API keeps working.
 */
public final class FailingRuntime implements AgentRuntime, MarkedCallRecorder {

    private final ModeController delegate;

    public FailingRuntime(ModeController delegate) {
        this.delegate = delegate;
    }

    private static IllegalStateException injected() {
        return new IllegalStateException("gil4j: fault injected for testing (gil4j.inject-faults=true)");
    }

    @Override
    public void checkpoint() {
        throw injected();
    }

    @Override
    public boolean beforeBlocking() {
        throw injected();
    }

    @Override
    public void afterBlocking() {
        throw injected();
    }

    @Override
    public void threadEnds() {
        throw injected();
    }

    @Override
    public Offloaded offload(Class<?> type, String method, Object receiver, Object[] arguments) {
        throw injected();
    }

    @Override
    public long threadCpuNanos() {
        throw injected();
    }

    @Override
    public void ended(
            Class<?> type,
            String method,
            String mode,
            long nanos,
            long cpuNanos,
            Object returned,
            Throwable thrown,
            boolean nested) {
        throw injected();
    }

    @Override
    public String mode() {
        return delegate.mode();
    }

    @Override
    public void switchMode(String mode) {
        delegate.switchMode(mode);
    }
}
