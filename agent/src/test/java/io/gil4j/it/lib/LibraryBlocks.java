package io.gil4j.it.lib;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A library outside the selection of the integration tests ({@code io.gil4j.it.app.**}): nothing here is
 * instrumented, so its blocking calls have no call-site stand-in, as in a third-party jar. Each block lasts
 * until the blocked thread is interrupted.
 */
public final class LibraryBlocks {

    private static volatile Thread blocking; // the last thread that entered block
    private static volatile Closeable inNative; // what ends a block in native code (SOCKET, CHANNEL, SELECT)
    /** The JDK's native methods that SOCKET, CHANNEL and SELECT block in, on JDK 17 and 25. */
    private static final Set<String> NATIVE_BLOCKS =
            Set.of("accept", "accept0", "read0", "poll", "poll0", "wait", "epollWait");

    private LibraryBlocks() {}

    /** The JDK's blocking choke points, each called here, outside the selection. */
    public enum Block {
        WAIT,
        SLEEP,
        JOIN,
        PARK,
        FUTURE,
        PROCESS,
        SOCKET,
        CHANNEL,
        SELECT
    }

    /**
     * Blocks the calling thread in {@code block} until {@link #unblock} ends it, then throws
     * InterruptedException.
     */
    public static void block(Block block) throws Exception {
        blocking = Thread.currentThread();
        switch (block) {
            case WAIT:
                Object monitor = new Object();
                synchronized (monitor) {
                    monitor.wait();
                }
                break;
            case SLEEP:
                Thread.sleep(60_000); // the behaviour under test: a holder blocked in sleep
                break;
            case JOIN:
                Thread joined = new Thread(() -> LockSupport.parkNanos(60_000_000_000L), "joined");
                joined.setDaemon(true);
                joined.start();
                joined.join();
                break;
            case PARK:
                while (!Thread.interrupted()) {
                    LockSupport.park();
                }
                throw new InterruptedException("unparked by an interrupt");
            case FUTURE:
                try {
                    new CompletableFuture<Void>().get();
                } catch (ExecutionException impossible) {
                    throw new AssertionError(impossible);
                }
                break;
            case PROCESS:
                Process sleeping = new ProcessBuilder("sleep", "60").start();
                try {
                    sleeping.waitFor();
                } finally {
                    sleeping.destroyForcibly();
                }
                break;
            case SOCKET:
                try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    inNative = server;
                    server.accept().close(); // a platform thread blocks in native code: RUNNABLE
                } catch (SocketException closed) {
                    throw new InterruptedException("accept ended by close");
                }
                break;
            case CHANNEL:
                try (ServerSocketChannel server = ServerSocketChannel.open()
                                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                        SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                    inNative = client;
                    client.read(ByteBuffer.allocate(1)); // nothing is ever written: waits in poll, RUNNABLE
                } catch (ClosedChannelException interruptedOrClosed) {
                    throw new InterruptedException("read ended by an interrupt");
                }
                break;
            case SELECT:
                try (Selector selector = Selector.open()) {
                    inNative = selector::wakeup;
                    selector.select(); // nothing registered: waits in epoll until woken, RUNNABLE
                }
                throw new InterruptedException("select woken");
            default:
                throw new AssertionError(block);
        }
    }

    /**
     * A task, itself outside the selection, that waits without the lock until {@code holder} is blocked in
     * {@link #block} as the JVM sees it, then calls {@code instrumented} (whose first check point takes the
     * lock; it returns {@link System#nanoTime()}), stores in {@code nanos[0]} the nanoseconds from seeing the
     * holder blocked until that value, and runs {@code then}.
     */
    public static Runnable timedEntry(Thread holder, LongSupplier instrumented, long[] nanos, Runnable then) {
        return new Runnable() {
            @Override
            public void run() {
                while (blocking != holder || !isBlocked(holder)) {
                    Thread.onSpinWait();
                }
                long seen = System.nanoTime();
                nanos[0] = instrumented.getAsLong() - seen;
                then.run();
            }
        };
    }

    private static boolean isBlocked(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * Whether {@code holder} is blocked in {@link #block}: by its state, or, RUNNABLE, by the native method atop
     * its stack (the accept, read or poll it blocks in).
     */
    private static boolean isBlocked(Thread holder) {
        if (isBlocked(holder.getState())) {
            return true;
        }
        if (inNative == null) {
            return false;
        }
        StackTraceElement[] stack = holder.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod() && NATIVE_BLOCKS.contains(stack[0].getMethodName());
    }

    /** Ends {@code holder}'s block: interrupts it, and ends its wait in native code, if any. */
    public static void unblock(Thread holder) throws IOException {
        holder.interrupt();
        Closeable block = inNative;
        if (block != null) {
            block.close();
        }
    }

    /** Platform threads, or Java 21's virtual threads (found reflectively); null where there are none. */
    public static ThreadFactory threads(boolean virtual) throws ReflectiveOperationException {
        if (!virtual) {
            return Thread::new;
        }
        if (Runtime.version().feature() < 21) {
            return null;
        }
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        return (ThreadFactory)
                Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    }
}
