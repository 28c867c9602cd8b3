package io.gil4j.dispatch;

import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One call of a marked method, as its entry advice saw it: the method, the receiver (null for a static
 * method) and the arguments. A worker runs it by reflection; the marked method's own advice then lets it
 * run inline, because workers never reroute.
 */
final class MarkedCall {

    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    final Method method;
    final String nameAndDescriptor;
    final Object receiver;
    final Object[] arguments;

    private MarkedCall(Method method, String nameAndDescriptor, Object receiver, Object[] arguments) {
        this.method = method;
        this.nameAndDescriptor = nameAndDescriptor;
        this.receiver = receiver;
        this.arguments = arguments;
    }

    /**
     * The call of method {@code nameAndDescriptor} ({@code quote(IJ)Ljava/lang/String;}) declared by
     * {@code type}; the method is looked up once per class and made accessible.
     *
     * @throws NoSuchMethodException if {@code type} declares no such method
     */
    static MarkedCall of(Class<?> type, String nameAndDescriptor, Object receiver, Object[] arguments)
            throws NoSuchMethodException {
        Map<String, Method> methods = METHODS.get(type);
        Method method = methods.get(nameAndDescriptor);
        if (method == null) {
            method = find(type, nameAndDescriptor);
            methods.put(nameAndDescriptor, method);
        }
        return new MarkedCall(method, nameAndDescriptor, receiver, arguments);
    }

    /**
     * The call of the same method, by name and descriptor, declared by {@code copy} (the declaring class as
     * another class loader defined it), on {@code receiver} with {@code arguments}.
     *
     * @throws NoSuchMethodException if {@code copy} declares no such method
     */
    MarkedCall in(Class<?> copy, Object receiver, Object[] arguments) throws NoSuchMethodException {
        return of(copy, nameAndDescriptor, receiver, arguments);
    }

    private static Method find(Class<?> type, String nameAndDescriptor) throws NoSuchMethodException {
        for (Method candidate : type.getDeclaredMethods()) {
            if (nameAndDescriptor.equals(nameAndDescriptor(candidate))) {
                candidate.setAccessible(true);
                return candidate;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + nameAndDescriptor);
    }

    /** {@code name} followed by the JVM descriptor, as Byte Buddy's {@code #m#d} writes it. */
    static String nameAndDescriptor(Method method) {
        return method.getName()
                + MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                        .toMethodDescriptorString();
    }

    /** True if the method completes later: it returns a {@code CompletableFuture} or {@code CompletionStage}. */
    boolean isAsync() {
        Class<?> returns = method.getReturnType();
        return returns == CompletableFuture.class || returns == CompletionStage.class;
    }

    /**
     * Runs the call on the current thread and returns its value, or throws exactly what the method threw
     * (declared as {@code Exception} to fit {@code Callable}; a throwable that is neither an exception nor
     * an error passes through unchecked).
     */
    Object invoke() throws Exception {
        try {
            return method.invoke(receiver, arguments);
        } catch (InvocationTargetException e) {
            throw MarkedCall.<RuntimeException>unchecked(e.getCause());
        }
    }

    /**
     * {@code outcome} as the caller may receive it: unchanged, unless it is a value this method cannot return
     * (which the exit advice's cast would fail on in the caller). The call has run, so it cannot run inline
     * again; that outcome becomes a {@link ClassCastException} naming both types, thrown to the caller as
     * the call's outcome, and counted as one of the runtime's failures.
     *
     * @param outcome how a route's worker ended the call, or null if the call has not run
     */
    Offloaded deliverable(Offloaded outcome) {
        if (outcome == null || outcome.thrown() != null || fits(method.getReturnType(), outcome.value())) {
            return outcome;
        }
        Hooks.recordFailure();
        Object value = outcome.value();
        String got = value == null ? "null" : value.getClass().getName();
        return Offloaded.threw(
                outcome.mode(),
                new ClassCastException("gil4j: the " + outcome.mode() + " route returned " + got + " from " + describe()
                        + ", which returns " + method.getReturnType().getName()));
    }

    private static boolean fits(Class<?> returns, Object value) {
        if (returns == void.class) {
            return true; // the exit advice ignores the value
        }
        if (returns.isPrimitive()) {
            return MethodType.methodType(returns).wrap().returnType().isInstance(value);
        }
        return value == null || returns.isInstance(value);
    }

    /** Throws {@code thrown} as it is, checked or not: {@code throw unchecked(e)}. */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // the sneaky throw: T is inferred unchecked
    static <T extends Throwable> T unchecked(Throwable thrown) throws T {
        throw (T) thrown;
    }

    /** {@code com.acme.Pricing.quote}, for messages. */
    String describe() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
