package io.gil4j.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * Reads and switches gil4j's execution mode from inside the application.
 *
 * <p>Without the agent every method is harmless: {@link #isAgentPresent()} is false, {@link #mode()} is
 * {@link Mode#NATIVE} (the JVM as it is) and {@link #switchMode} returns false. This class has no
 * dependencies; it reaches the agent through the bootstrap class loader by name, passing a mode as its
 * {@link Mode#configName() name}, and looks again (at most every 100 ms) while it has not found it, so an
 * agent attached by PID after this class was loaded is seen from then on.
 */
public final class Gil4j {

    /** How long a failed look-up of the agent is trusted before the next call looks again. */
    private static final long RETRY_NANOS = 100_000_000L;

    /** The agent's two entry points, once found; an agent attached later is found by a later look-up. */
    private record Agent(MethodHandle mode, MethodHandle switchMode) {}

    private static volatile Agent agent;
    private static volatile long nextLookup = System.nanoTime();

    private Gil4j() {}

    /**
     * Whether the agent runs in this JVM.
     *
     * @return true when the gil4j agent is attached to this JVM and running
     */
    public static boolean isAgentPresent() {
        return currentMode() != null;
    }

    /**
     * The execution mode in force.
     *
     * @return the current mode; {@link Mode#NATIVE} without the agent
     */
    public static Mode mode() {
        String mode = currentMode();
        return mode == null ? Mode.NATIVE : Mode.of(mode);
    }

    /**
     * Switches every instrumented class to {@code mode}, live.
     *
     * @param mode the mode to switch to
     * @return true if the agent switched; false without the agent
     * @throws NullPointerException if {@code mode} is null
     */
    public static boolean switchMode(Mode mode) {
        String name = Objects.requireNonNull(mode, "mode").configName();
        Agent found = agent();
        if (found == null) {
            return false;
        }
        try {
            return (boolean) found.switchMode().invokeExact(name);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String currentMode() {
        Agent found = agent();
        if (found == null) {
            return null;
        }
        try {
            return (String) found.mode().invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Agent agent() {
        Agent found = agent;
        if (found != null || System.nanoTime() - nextLookup < 0) {
            return found;
        }
        try {
            Class<?> control = Class.forName("io.gil4j.bootstrap.Control", false, null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            found = new Agent(
                    lookup.findStatic(control, "mode", MethodType.methodType(String.class)),
                    lookup.findStatic(control, "switchMode", MethodType.methodType(boolean.class, String.class)));
            agent = found;
        } catch (ReflectiveOperationException | LinkageError absent) {
            // No agent on the bootstrap class path yet: answer as a plain JVM would, look again later.
            nextLookup = System.nanoTime() + RETRY_NANOS;
        }
        return found;
    }
}
