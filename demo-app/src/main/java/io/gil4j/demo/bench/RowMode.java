package io.gil4j.demo.bench;

import io.gil4j.demo.mode.ModeControl;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The kinds of bench rows: which agent mode a row runs in and how its tasks are run. Every pooled row
 * submits the tasks to a plain thread pool; in the {@code interpreters} and {@code processes} rows the agent
 * reroutes each task's {@code @Offload} method to its own pool, whose size is the agent's {@code workers}
 * option (default: the available processors).
 */
public enum RowMode {
    /** The baseline: mode {@code native}, one task after another on the calling thread. */
    SEQUENTIAL(ModeControl.NATIVE, false, workers -> new SequentialRunner()),
    /** Mode {@code gil}: a thread pool whose threads share one interpreter lock. Needs the agent. */
    GIL(ModeControl.GIL, true, workers -> new ThreadPoolRunner("gil", workers)),
    /** Mode {@code interpreters}: the tasks' marked methods run on workers with a lock each. Needs the agent. */
    INTERPRETERS(ModeControl.INTERPRETERS, true, workers -> new ThreadPoolRunner("interpreters", workers)),
    /** Mode {@code processes}: the tasks' marked methods run in worker JVMs. Needs the agent. */
    PROCESSES(ModeControl.PROCESSES, true, workers -> new ThreadPoolRunner("processes", workers)),
    /** Mode {@code native}: a thread pool on the JVM as it is. */
    NATIVE(ModeControl.NATIVE, false, workers -> new ThreadPoolRunner("native", workers));

    private final String agentMode;
    private final boolean needsAgent;

    @SuppressWarnings("ImmutableEnumChecker") // a stateless lambda
    private final IntFunction<TaskRunner> runners;

    RowMode(String agentMode, boolean needsAgent, IntFunction<TaskRunner> runners) {
        this.agentMode = agentMode;
        this.needsAgent = needsAgent;
        this.runners = runners;
    }

    /** The name on the command line and in the first column of the output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The agent mode the bench switches to before the row. */
    public String agentMode() {
        return agentMode;
    }

    /** True if the row means nothing without the agent. */
    public boolean needsAgent() {
        return needsAgent;
    }

    /** A runner for one row with {@code workers} threads (ignored by the sequential row); the caller closes it. */
    TaskRunner newRunner(int workers) {
        return runners.apply(workers);
    }
}
