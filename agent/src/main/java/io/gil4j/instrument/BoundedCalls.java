package io.gil4j.instrument;

import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The calls that a method's lock plan ({@link LockPlan}) and its back-edges ({@link BackEdges}) need not count
 * as work: JDK code that ends in a time bounded by its arguments and calls no code of the application back.
 */
final class BoundedCalls {

    private static final Set<String> BOUNDED_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath",
            "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character",
            "java/lang/Boolean", "java/lang/Float", "java/lang/Double");

    private static final Set<String> VALUE_OWNERS = Set.of("java/lang/Object", "java/lang/String",
            "java/lang/StringBuilder", "java/lang/StringBuffer", "java/lang/Class", "java/lang/Enum",
            "java/util/Objects");

    /** What {@code Class} does besides looking itself up: load and initialise classes, run constructors. */
    private static final Set<String> CLASS_LOADING_CALLS = Set.of("forName", "newInstance");

    private static final Set<String> BOUNDED_SYSTEM_CALLS = Set.of("arraycopy", "identityHashCode", "nanoTime",
            "currentTimeMillis");

    private static final Set<String> BOUNDED_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory");

    private BoundedCalls() {}

    /**
     * Whether a call is to a static method of {@code Math}, {@code StrictMath} or a primitive wrapper
     * ({@code Integer.rotateLeft}, {@code Long.valueOf}, {@code Double.compare}, …), or to {@code Object}'s
     * constructor. Libraries wrap these in one-line helpers called in their hottest loops (Bouncy Castle's
     * {@code Integers.rotateLeft}, 32 calls a Salsa20 round); a check point there cost more than the rotation.
     */
    static boolean isBounded(int opcode, String owner, String name) {
        if (opcode == Opcodes.INVOKESPECIAL) {
            return owner.equals("java/lang/Object") && name.equals("<init>");
        }
        return opcode == Opcodes.INVOKESTATIC && BOUNDED_OWNERS.contains(owner);
    }

    /**
     * Whether a call runs JDK code whose time its arguments bound and which calls back no application code but
     * {@code toString}, {@code hashCode} and {@code equals} (which, where selected, check for themselves): the
     * methods of {@code Object}, {@code String} and its builders, {@code Class}, {@code Enum} and
     * {@code Objects} (not {@code Class.forName} and {@code newInstance}, which run static initialisers and
     * constructors); an array's {@code clone}; {@code System.arraycopy} and the clocks; an exception's
     * constructor. Not bulk algorithms ({@code Arrays.sort}, {@code BigInteger}, regular expressions, streams),
     * and not the collection interfaces, whose implementations may be anything.
     */
    static boolean isBoundedJdkCode(String owner, String name) {
        if (owner.startsWith("[") || VALUE_OWNERS.contains(owner)) {
            return !owner.equals("java/lang/Class") || !CLASS_LOADING_CALLS.contains(name);
        }
        if (owner.equals("java/lang/System")) {
            return BOUNDED_SYSTEM_CALLS.contains(name);
        }
        return name.equals("<init>") && owner.startsWith("java/lang/")
                && (owner.endsWith("Exception") || owner.endsWith("Error"));
    }

    /**
     * Whether an {@code invokedynamic} with this bootstrap runs only JDK code of bounded time: making a
     * lambda's object, or concatenating strings (whose {@code toString} calls, if any, check for themselves).
     * It still counts as a call for {@link BackEdges} and short methods: linking it the first time is not short.
     */
    static boolean linksJdkOnly(Handle bootstrap) {
        return BOUNDED_BOOTSTRAPS.contains(bootstrap.getOwner());
    }
}
