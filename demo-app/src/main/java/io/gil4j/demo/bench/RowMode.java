package io.gil4j.demo.bench;

import io.gil4j.api.Mode;
import java.util.Locale;

/**
 * The kinds of bench rows: which agent mode a row runs in and how its tasks are run. Every pooled row
 * submits the tasks to a plain thread pool; in the {@code interpreters} and {@code processes} rows the agent
 * reroutes each task's {@code @Offload} method to its own pool, whose size is the agent's {@code workers}
 * option (default: the available processors).
 */
public enum RowMode {
    /** The baseline: mode {@code native}, one task after another on the calling thread. */
    SEQUENTIAL(Mode.NATIVE, false),
    /** Mode {@code gil}: a thread pool whose threads share one interpreter lock. Needs the agent. */
    GIL(Mode.GIL, true),
    /** Mode {@code interpreters}: the tasks' marked methods run on workers with a lock each. Needs the agent. */
    INTERPRETERS(Mode.INTERPRETERS, true),
    /** Mode {@code processes}: the tasks' marked methods run in worker JVMs. Needs the agent. */
    PROCESSES(Mode.PROCESSES, true),
    /** Mode {@code native}: a thread pool on the JVM as it is. */
    NATIVE(Mode.NATIVE, false);

    private final Mode agentMode;
    private final boolean needsAgent;

    RowMode(Mode agentMode, boolean needsAgent) {
        this.agentMode = agentMode;
        this.needsAgent = needsAgent;
    }

    /** The name on the command line and in the first column of the output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The agent mode the bench switches to before the row. */
    public Mode agentMode() {
        return agentMode;
    }

    /** True if the row means nothing without the agent. */
    public boolean needsAgent() {
        return needsAgent;
    }

    /**
     * A runner for one row with {@code workers} threads (ignored by the sequential row), its threads named
     * after {@link #label()}; the caller closes it.
     */
    TaskRunner newRunner(int workers) {
        return this == SEQUENTIAL ? new SequentialRunner() : new ThreadPoolRunner(label(), workers);
    }
}
