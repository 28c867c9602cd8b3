package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.Removal;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Inlined around each marked method: at entry the call may be rerouted ({@link Hooks#offload}); if it was,
 * the body is skipped and the exit returns the value, or throws the throwable, that the call ended with
 * elsewhere. If the entry fails, or the mode does not reroute, the body runs inline. Either way the call is
 * measured as its caller sees it ({@link Hooks#markedStart}, {@link Hooks#markedCpu},
 * {@link Hooks#markedEnd}), in two locals the exit reads.
 *
 * <p><b>Failure containment.</b> Both halves suppress their own throwables and count each in
 * {@link Hooks#recordFailure()}; the exit still throws the method's own throwable, or the one the call ended
 * with elsewhere, because Byte Buddy rethrows {@code thrown} after the advice, outside its suppression. The
 * exit's one cast, of the value to the method's return type, cannot fail: the route hands back only a value
 * the method could have returned (a mismatch becomes the call's throwable there). Were it to fail, the
 * caller would get the return type's default value and the failure would be counted.
 */
final class OffloadAdvice {

    private OffloadAdvice() {}

    /** The advice on the methods {@code marked} matches, with suppressed throwables counted as failures. */
    static AsmVisitorWrapper on(ElementMatcher<? super MethodDescription> marked) {
        StackManipulation countFailure;
        try {
            countFailure = new StackManipulation.Compound(
                    Removal.SINGLE,
                    MethodInvocation.invoke(
                            new MethodDescription.ForLoadedMethod(Hooks.class.getMethod("recordFailure"))));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("gil4j: the bootstrap hooks lack recordFailure()", e);
        }
        return Advice.to(OffloadAdvice.class).withExceptionHandler(countFailure).on(marked);
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    @SuppressWarnings("UnusedVariable") // cpuStarted is an advice local: written here, read by the exit
    static Offloaded enter(
            @Advice.Origin Class<?> type,
            @Advice.Origin("#m#d") String method,
            @Advice.This(optional = true) Object receiver,
            @Advice.AllArguments Object[] arguments,
            @Advice.Local("started") long started,
            @Advice.Local("cpuStarted") long cpuStarted) {
        started = Hooks.markedStart();
        Offloaded offloaded = Hooks.offload(type, method, receiver, arguments);
        cpuStarted = Hooks.markedCpu(started, offloaded);
        return offloaded;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
            @Advice.Origin Class<?> type,
            @Advice.Origin("#m#d") String method,
            @Advice.Enter Offloaded offloaded,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
            @Advice.Thrown(readOnly = false) Throwable thrown,
            @Advice.Local("started") long started,
            @Advice.Local("cpuStarted") long cpuStarted) {
        if (offloaded != null) {
            thrown = offloaded.thrown();
            if (thrown == null) {
                returned = offloaded.value(); // never null for a primitive type: a call that threw has no value
            }
        }
        Hooks.markedEnd(started, cpuStarted, type, method, offloaded, returned, thrown);
    }
}
