package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the entry and every exit of each instrumented method: entry is a check point that may take
 * the lock, and the exit that matches a taking entry gives it back — also when the method throws. Both
 * suppress every throwable, so the method body runs as if uninstrumented if the agent fails.
 */
final class GilAdvice {

    private GilAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter() {
        return Hooks.enter();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Hooks.exit(token);
    }
}
