package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined around each marked method: at entry the call may be rerouted ({@link Hooks#offload}); if it was,
 * the body is skipped and the exit returns the value, or throws the throwable, that the call ended with
 * elsewhere. If the entry fails, or the mode does not reroute, the body runs inline. Either way the call is
 * measured as its caller sees it ({@link Hooks#markedStart}, {@link Hooks#markedCpu},
 * {@link Hooks#markedEnd}), in two locals the exit reads.
 */
final class OffloadAdvice {

    private OffloadAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
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

    @Advice.OnMethodExit(onThrowable = Throwable.class)
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
