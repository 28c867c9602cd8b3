package io.gil4j.bootstrap;

/**
 * How a marked call ended on the worker that ran it: a value or a throwable. The offload advice returns it
 * from the method in place of the skipped body.
 */
public final class Offloaded {

    private final Object value;
    private final Throwable thrown;

    private Offloaded(Object value, Throwable thrown) {
        this.value = value;
        this.thrown = thrown;
    }

    /** A call that returned {@code value} (boxed for primitive return types, null for {@code void}). */
    public static Offloaded returned(Object value) {
        return new Offloaded(value, null);
    }

    /** A call that threw {@code thrown}, already rewritten to be thrown in the caller. */
    public static Offloaded threw(Throwable thrown) {
        return new Offloaded(null, thrown);
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
