package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code park} method of {@code java.util.concurrent.locks.LockSupport} while a mode with
 * a main lock is in force ({@link ChokePoints}): a thread that parks holding the lock releases it, and takes
 * it back when the park returns, as CPython's {@code Py_BEGIN_ALLOW_THREADS} brackets a blocking call. A
 * thread that does not hold the lock passes with one volatile read and takes nothing afterwards.
 *
 * <p>No exit on a throwable: {@code park} throws nothing, and a lock not taken back is taken at the thread's
 * next check point anyway.
 */
final class ParkAdvice {

    private ParkAdvice() {}

    @Advice.OnMethodEnter
    static boolean enter() {
        return Hooks.beforeBlocking();
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean released) {
        Hooks.afterBlocking(released);
    }
}
