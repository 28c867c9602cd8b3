package io.gil4j.instrument;

import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Which methods of one selected class get a check point at their entry. By default every method that gets
 * the lock's code does. When every class outside the JDK is selected ({@code include=**}), a method is entered
 * either by selected code, whose thread already holds the lock, or from code that is never instrumented, and
 * the JDK enters application code only in a few ways that a class's bytes and supertypes show; only there is
 * an entry check needed to take the lock, besides the methods a recursion could otherwise circle through
 * without any check point. So an entry check goes into a method that
 *
 * <ul>
 *   <li>overrides or implements a method of a type that is never instrumented ({@code Runnable.run},
 *       {@code Object.hashCode}, {@code Comparable.compareTo}: {@link OutsideEntries});
 *   <li>is the target of a method handle its class creates: a lambda's body, a method reference;
 *   <li>is a {@code main} method;
 *   <li>calls itself through its class's own methods ({@link OwnCalls}).
 * </ul>
 *
 * <p>Every other method checks only at its loops' back-edges. What this leaves uncovered is in
 * {@code docs/gil.md}: a thread whose first selected frame is entered through reflection, a method handle made
 * elsewhere or a default method of an interface keeps running without the lock up to its first check point,
 * and a recursion through methods of several classes that have no loop is not switched away from.
 *
 * <p>One per class transformation, confined to the transforming thread.
 */
final class EntryChecks {

    /** Every method checks at its entry. */
    static final EntryChecks EVERY = new EntryChecks(null);

    private final OwnCalls ownCalls; // null: every method
    private Set<String> outsideDeclared; // computed on first use; null with ownCalls null

    private EntryChecks(OwnCalls ownCalls) {
        this.ownCalls = ownCalls;
    }

    /** The entry checks of a class that is selected together with every class outside the JDK. */
    static EntryChecks whereEntered(byte[] classFile) {
        return new EntryChecks(OwnCalls.of(classFile));
    }

    /** True if {@code method} of {@code type} gets a check point at its entry. */
    boolean at(TypeDescription type, MethodDescription method) {
        if (ownCalls == null) {
            return true;
        }
        String name = method.getInternalName();
        String key = name + method.getDescriptor();
        if (ownCalls.isCyclic(key) || ownCalls.isHandleTarget(key)) {
            return true;
        }
        if (method.isStatic()) {
            return name.equals("main");
        }
        if (outsideDeclared == null) {
            outsideDeclared = OutsideEntries.declared(type);
        }
        return outsideDeclared == OutsideEntries.ANY
                || outsideDeclared.contains(
                        OutsideEntries.key(name, method.getParameters().size()));
    }
}
