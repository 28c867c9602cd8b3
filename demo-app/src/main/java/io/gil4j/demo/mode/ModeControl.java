package io.gil4j.demo.mode;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;

/**
 * Reads and switches the execution mode of this JVM.
 *
 * <p>Callers that switch restore the mode they found, in a {@code finally} block. Without the agent
 * {@link #agentPresent()} is false, {@link #mode()} is {@link Mode#NATIVE} and switching changes nothing.
 */
public interface ModeControl {

    /** True when the gil4j agent is attached and can switch modes. */
    boolean agentPresent();

    /** The current mode. */
    Mode mode();

    /** Switches every instrumented class to {@code mode}; does nothing without the agent. */
    void switchTo(Mode mode);

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
            public Mode mode() {
                return Gil4j.mode();
            }

            @Override
            public void switchTo(Mode mode) {
                Gil4j.switchMode(mode);
            }
        };
    }
}
