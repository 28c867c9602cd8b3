package io.gil4j.instrument;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * The methods through which code that is never instrumented — the JDK, generated proxies — can call into a
 * class: those declared by one of its supertypes that is never instrumented ({@code Object.hashCode},
 * {@code Runnable.run}, {@code Comparable.compareTo}). Named by name and parameter count, so that a generic
 * override reached through its bridge counts too. The supertypes are described from class files by the
 * transformation's type pool; if one cannot be described, every method counts ({@link #ANY}).
 */
final class OutsideEntries {

    /** The answer when a supertype could not be described: any method may be entered from outside. */
    static final Set<String> ANY = Collections.unmodifiableSet(new HashSet<>()); // compared by identity

    private OutsideEntries() {}

    /** How {@link #declared} names a method. */
    static String key(String name, int parameterCount) {
        return name + '/' + parameterCount;
    }

    /**
     * {@linkplain #key Names} of every method that a never-instrumented supertype of {@code type} declares, or
     * {@link #ANY}.
     */
    static Set<String> declared(TypeDescription type) {
        Set<String> names = new HashSet<>();
        Deque<TypeDefinition> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        supertypes(type, todo);
        while (!todo.isEmpty()) {
            TypeDefinition supertype = todo.pop();
            try {
                TypeDescription erasure = supertype.asErasure();
                if (!seen.add(erasure.getName())) {
                    continue;
                }
                if (TypeSelection.isIgnoredName(erasure.getName())) {
                    for (MethodDescription.InDefinedShape method : erasure.getDeclaredMethods()) {
                        if (!method.isStatic() && !method.isPrivate() && method.isMethod()) {
                            names.add(key(
                                    method.getInternalName(),
                                    method.getParameters().size()));
                        }
                    }
                }
                supertypes(erasure, todo);
            } catch (RuntimeException | LinkageError undescribed) {
                return ANY;
            }
        }
        return names;
    }

    private static void supertypes(TypeDefinition type, Deque<TypeDefinition> todo) {
        TypeDefinition superClass = type.getSuperClass();
        if (superClass != null) {
            todo.push(superClass);
        }
        for (TypeDefinition anInterface : type.getInterfaces()) {
            todo.push(anInterface);
        }
    }
}
