package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the JDK's blocking choke points while a mode with a main lock is in force ({@link ChokePoints}):
 * every {@code park} of {@code java.util.concurrent.locks.LockSupport}, the blocking socket operations of
 * {@code sun.nio.ch.NioSocketImpl}, the wait of a blocking NIO channel and {@code Selector.select}. A thread
 * that blocks there holding the lock releases it, and takes it back when the call returns or throws, as
 * CPython's {@code Py_BEGIN_ALLOW_THREADS} brackets a blocking call. A thread that does not hold the lock
 * passes with one volatile read and takes nothing afterwards. Its exit also closes {@link ChannelAdvice}.
 */
final class BlockingAdvice {

    private BlockingAdvice() {}

    @Advice.OnMethodEnter
    static boolean enter() {
        return Hooks.beforeBlocking();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter boolean released) {
        Hooks.afterBlocking(released);
    }
}
