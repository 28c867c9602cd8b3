package io.gil4j.instrument;

import io.gil4j.bootstrap.Hooks;
import java.nio.channels.SelectableChannel;
import net.bytebuddy.asm.Advice;

/**
 * The entry half of the advice inlined into the JDK's NIO channels' blocking operations while a mode with a
 * main lock is in force ({@link ChokePoints}; the exit half is {@link BlockingAdvice}'s): as
 * {@link BlockingAdvice}, but only while the channel is in blocking mode, where the operation waits in native
 * code; a non-blocking channel's read or write returns at once and keeps the lock (a server's selector loop
 * would otherwise hand it over at every read).
 */
final class ChannelAdvice {

    private ChannelAdvice() {}

    @Advice.OnMethodEnter
    static boolean enter(@Advice.This SelectableChannel channel) {
        return channel.isBlocking() && Hooks.beforeBlocking();
    }
}
