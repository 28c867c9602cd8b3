package io.gil4j.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A block the JVM reports as {@code RUNNABLE} and the lock's waiters cannot see: a platform thread's
 * {@code accept} on a loopback server socket, which blocks in native code until {@link #close()}. What a
 * holder blocked in native I/O looks like; a wait, sleep or park would show {@code WAITING}.
 */
public final class NativeBlock implements AutoCloseable {

    private final ServerSocket socket;

    public NativeBlock() throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** Blocks the calling (platform) thread until {@link #close()}. */
    public void await() {
        try {
            socket.accept().close();
        } catch (IOException closed) {
            // closed: the block is over
        }
    }

    /** Ends the block. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
