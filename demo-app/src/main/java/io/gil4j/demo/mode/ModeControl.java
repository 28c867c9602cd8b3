package io.gil4j.demo.mode;

import io.gil4j.api.Gil4j;

/**
 * Reads and switches the execution mode of this JVM.
 *
 * <p>Callers that switch restore the mode they found, in a {@code finally} block. Without the agent
 * {@link #agentPresent()} is false, {@link #mode()} is {@code native} and switching changes nothing.
 */
public interface ModeControl {

    /** The mode of the JVM as it is, without the interpreter lock. */
    String NATIVE = Gil4j.NATIVE;
    /** The mode in which instrumented code runs under one global interpreter lock. */
    String GIL = "gil";
    /** The mode in which {@code @Offload} methods run on workers with a lock each. */
    String INTERPRETERS = "interpreters";
    /** The mode in which {@code @Offload} methods run in worker JVMs. */
    String PROCESSES = "processes";

    /** True when the gil4j agent is attached and can switch modes. */
    boolean agentPresent();

    /** The current mode's name. */
    String mode();

    /**
     * Switches every instrumented class to {@code mode}; does nothing without the agent.
     *
     * @throws IllegalArgumentException if the agent does not accept {@code mode}
     */
    void switchTo(String mode);

    /**
     * The line printed on standard error when the agent is missing.
     *
     * @param running what runs instead, such as {@code "sequential and native rows"}
     */
    static String agentMissing(String running) {
        return "gil4j-demo: the gil4j agent is not attached (start with -javaagent:gil4j-agent.jar),"
                + " so gil, interpreters and processes rows cannot run; running " + running + " only";
    }

    /** The control of this JVM, through {@link Gil4j}. */
    static ModeControl gil4j() {
        return new ModeControl() {
            @Override
            public boolean agentPresent() {
                return Gil4j.isAgentPresent();
            }

            @Override
            public String mode() {
                return Gil4j.mode();
            }

            @Override
            public void switchTo(String mode) {
                Gil4j.switchMode(mode);
            }
        };
    }
}
