package io.gil4j.benchmarks;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;

/**
 * How a benchmark fork runs with respect to the gil4j agent, and the check that it really runs so.
 *
 * <p><b>Attaching.</b> JMH fixes a fork's JVM options per benchmark class, never per {@code @Param}, so a
 * benchmark measured under several attachments is an abstract class with one nested subclass per
 * attachment, each carrying its own {@code @Fork(jvmArgsAppend = …)} built from one of the {@code *_AGENT}
 * constants followed by the class globs to instrument. The agent jar is named relative to the
 * working directory: the benchmarks run from the repository root, where {@code ./mvnw -B -DskipTests
 * package} leaves it at {@code agent/target/gil4j-agent.jar}; a fork that cannot find it does not start.
 * JMH's command-line {@code -jvmArgsAppend} replaces these options, so it must not be given.
 *
 * <p><b>Checking.</b> Each benchmark calls {@link #verify()} in its {@code @Setup}: a fork that is not
 * attached as its benchmark expects fails before its first iteration instead of measuring the wrong JVM.
 * The agent's forks also run with {@code log=info}, so that the fork's output names every class the
 * agent instrumented.
 */
public enum AgentAttachment {

    /** No agent: the plain JVM, the baseline. */
    NONE(null),
    /** The agent in {@code native} mode: every hook takes its pass-through fast path, no lock is in force. */
    NATIVE(Mode.NATIVE),
    /** The agent in {@code gil} mode: instrumented code runs only while holding the interpreter lock. */
    GIL(Mode.GIL),
    /** The agent in {@code interpreters} mode: marked calls run on the interpreter pool. */
    INTERPRETERS(Mode.INTERPRETERS),
    /** The agent in {@code processes} mode: marked calls run in worker JVMs. */
    PROCESSES(Mode.PROCESSES);

    /** The {@code -javaagent} option up to the {@code include} globs: native mode. */
    public static final String NATIVE_AGENT = "-javaagent:agent/target/gil4j-agent.jar=log=info,mode=native,include=";
    /** The {@code -javaagent} option up to the {@code include} globs: gil mode. */
    public static final String GIL_AGENT = "-javaagent:agent/target/gil4j-agent.jar=log=info,mode=gil,include=";

    /** The {@code -javaagent} option up to the {@code include} globs: interpreters mode. */
    public static final String INTERPRETERS_AGENT =
            "-javaagent:agent/target/gil4j-agent.jar=log=info,mode=interpreters,include=";
    /** The {@code -javaagent} option up to the {@code include} globs: processes mode. */
    public static final String PROCESSES_AGENT =
            "-javaagent:agent/target/gil4j-agent.jar=log=info,mode=processes,include=";

    private final Mode mode;

    AgentAttachment(Mode mode) {
        this.mode = mode;
    }

    /**
     * Checks that this JVM runs as this attachment says: without the agent for {@link #NONE}, with it in
     * the named mode otherwise.
     *
     * @throws IllegalStateException if it does not
     */
    public void verify() {
        Mode actual = Gil4j.isAgentPresent() ? Gil4j.mode() : null;
        if (actual != mode) {
            throw new IllegalStateException("this fork should run " + describe(mode) + " but runs "
                    + describe(actual) + "; run the benchmarks from the repository root, after building the"
                    + " agent, without JMH's -jvmArgsAppend");
        }
    }

    private static String describe(Mode mode) {
        return mode == null ? "without the agent" : "with the agent in " + mode.configName() + " mode";
    }
}
