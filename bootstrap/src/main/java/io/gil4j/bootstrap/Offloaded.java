package io.gil4j.bootstrap;

/**
 * How a marked call ended on the worker that ran it: a value or a throwable, and the mode whose route ran
 * it. The offload advice returns it from the method in place of the skipped body.
 */
public final class Offloaded {

    private final String mode;
    private final Object value;
    private final Throwable thrown;

    private Offloaded(String mode, Object value, Throwable thrown) {
        this.mode = mode;
        this.value = value;
        this.thrown = thrown;
    }

    /**
     * A call that returned {@code value} (boxed for primitive return types, null for {@code void}) on the
     * route of {@code mode}, named as the configuration spells it.
     */
    public static Offloaded returned(String mode, Object value) {
        return new Offloaded(mode, value, null);
    }

    /** A call that threw {@code thrown}, already rewritten to be thrown in the caller, on the route of {@code mode}. */
    public static Offloaded threw(String mode, Throwable thrown) {
        return new Offloaded(mode, null, thrown);
    }

    /** The mode whose route ran the call. */
    public String mode() {
        return mode;
    }

    /** The value, or null if the call threw. */
    public Object value() {
        return value;
    }

    /** The throwable, or null if the call returned. */
    public Throwable thrown() {
        return thrown;
    }
}
