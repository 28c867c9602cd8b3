package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined, while a mode with a main lock is in force ({@link ChokePoints}), at the exit of the last methods of
 * {@code java.lang.Thread} that run on an ending thread: {@code runWith} (Java 21+: the end of a virtual
 * thread's task, and of a platform thread's, while the virtual thread is still mounted) and {@code exit} (what
 * the JVM calls on a platform thread before it ends). A thread that ends holding the lock releases it there,
 * as an exit, rather than leave it to a dead owner until a waiter looks.
 */
final class ThreadEndAdvice {

    private ThreadEndAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
        Hooks.threadEnds();
    }
}
