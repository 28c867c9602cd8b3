package io.gil4j.crossing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * A value as it was when taken, from which any class loader of this JVM can read a copy of its own: how
 * arguments and results cross between the caller and an interpreter that loads the application's classes
 * in a class loader of its own ({@code interpreters.isolation=classloader}).
 *
 * <p>Immutable values of the JDK ({@code null}, {@code String}, the boxed primitives, {@code BigInteger},
 * {@code BigDecimal}), and {@code Object[]} holding only those, are kept as they are: every loader shares
 * their classes, so they need no copy ({@code Object[]} is cloned). Anything else is serialized when taken
 * and deserialized by each {@link #copyFor}, its classes resolved with the given loader, so one value's
 * graph (shared references included) is copied whole. Both sides are this JVM's own application code, so
 * unlike the channel to a worker process there is no allow-list: every {@link java.io.Serializable} class
 * may cross, within {@link SerialLimits#DEFAULTS}.
 *
 * <p>Immutable and thread-safe: take it on one thread and read copies on any.
 */
public final class Snapshot {

    private static final Set<Class<?>> SHARED = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            BigInteger.class,
            BigDecimal.class);

    private static final SerialCodec CODEC = new SerialCodec(AllowList.of(List.of("**")), SerialLimits.DEFAULTS);

    private final Object shared;
    private final byte[] serialized;
    private final String what;

    private Snapshot(Object shared, byte[] serialized, String what) {
        this.shared = shared;
        this.serialized = serialized;
        this.what = what;
    }

    /**
     * Takes {@code value} as it is now.
     *
     * @param what where the value goes, for messages ("to the interpreter for com.acme.Foo.bar")
     * @throws NotShareableException naming the type if a class in the value is not serializable, or if the
     *     value exceeds {@link SerialLimits#DEFAULTS}
     */
    public static Snapshot of(Object value, String what) {
        if (isShared(value)) {
            return new Snapshot(value, null, what);
        }
        return new Snapshot(null, CODEC.encode(what, out -> out.writeObject(value)), what);
    }

    /**
     * A copy of the value whose classes {@code loader} resolves (the bootstrap loader for {@code null});
     * a new one on each call, except for the values kept as they are.
     *
     * @throws NotShareableException naming the type if a class is not visible to {@code loader}
     */
    public Object copyFor(ClassLoader loader) {
        if (serialized == null) {
            return shared instanceof Object[] ? ((Object[]) shared).clone() : shared;
        }
        return CODEC.decode(serialized, loader, what, in -> in.readObject());
    }

    private static boolean isShared(Object value) {
        if (value == null || SHARED.contains(value.getClass())) {
            return true;
        }
        if (value.getClass() != Object[].class) {
            return false;
        }
        for (Object element : (Object[]) value) {
            if (element != null && !SHARED.contains(element.getClass())) {
                return false;
            }
        }
        return true;
    }
}
