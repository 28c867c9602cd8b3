package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the entry and every exit of each method that gets the lock's code: entry is a check point that
 * may take the lock, and the exit that matches a taking entry gives it back — also when the method throws.
 *
 * <p>Kept as small as Byte Buddy allows, since every byte it adds counts against HotSpot's inlining limits:
 * no suppression handlers (the hooks catch every throwable themselves, so none can escape them), and no
 * backup of the arguments (the exit reads none).
 */
final class GilAdvice {

    private GilAdvice() {}

    @Advice.OnMethodEnter
    static int enter() {
        return Hooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, backupArguments = false)
    static void exit(@Advice.Enter int token) {
        Hooks.exit(token);
    }
}
