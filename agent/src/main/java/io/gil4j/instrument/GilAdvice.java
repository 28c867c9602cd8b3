package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the entry and every exit of each method that gets the lock's code: entry is a check point that
 * may take the lock, and the exit that matches a taking entry gives it back — also when the method throws.
 *
 * <p>No suppression handlers, since every byte added counts against HotSpot's inlining limits and the hooks
 * catch every throwable themselves, so none can escape them. The arguments are still backed up for the exit
 * (Byte Buddy's default) although it reads none: without the backup, Byte Buddy's frames assume the argument
 * slots keep their declared types to the end, and code that reuses a parameter's slot for another type (the
 * JDK's generated proxies store a caught exception there) then fails verification.
 */
final class GilAdvice {

    private GilAdvice() {}

    @Advice.OnMethodEnter
    static int enter() {
        return Hooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int token) {
        Hooks.exit(token);
    }
}
