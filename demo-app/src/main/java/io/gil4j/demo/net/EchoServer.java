package io.gil4j.demo.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each fixed-size message with the same bytes, after a latency.
 *
 * <p>One daemon thread accepts; each connection gets its own daemon thread that reads a whole message,
 * sleeps {@code latencyMillis} (none when 0) and writes the message back, until the client closes. The
 * server binds 127.0.0.1 on a port the system picks.
 *
 * <p>Thread safety: {@link #address()} and {@link #close()} may be called from any thread. After
 * {@code close()} the server accepts nothing and every open connection is closed.
 */
public final class EchoServer implements AutoCloseable {

    private final ServerSocket server;
    private final int messageBytes;
    private final long latencyMillis;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();

    private EchoServer(ServerSocket server, int messageBytes, long latencyMillis) {
        this.server = server;
        this.messageBytes = messageBytes;
        this.latencyMillis = latencyMillis;
    }

    /**
     * Binds 127.0.0.1 on a free port and starts accepting.
     *
     * @param messageBytes the size of every request and reply
     * @param latencyMillis how long each reply waits, in milliseconds; 0 replies at once
     * @throws IllegalArgumentException if {@code messageBytes} is not positive or the latency is negative
     * @throws IOException if the port cannot be bound
     */
    public static EchoServer start(int messageBytes, long latencyMillis) throws IOException {
        if (messageBytes <= 0 || latencyMillis < 0) {
            throw new IllegalArgumentException(
                    "need messageBytes > 0 and latencyMillis >= 0, got " + messageBytes + ", " + latencyMillis);
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        EchoServer echo = new EchoServer(socket, messageBytes, latencyMillis);
        daemon(echo::acceptLoop, "echo-server-accept").start();
        return echo;
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** The size of every request and reply. */
    public int messageBytes() {
        return messageBytes;
    }

    /** Stops accepting and closes every open connection; idempotent. */
    @Override
    public void close() {
        closeQuietly(server);
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException closed) {
                return; // close() closed the server socket
            }
            connections.add(connection);
            if (server.isClosed()) {
                closeQuietly(connection); // close() may have run before the add
                return;
            }
            daemon(() -> serve(connection), "echo-server-" + connectionCount.incrementAndGet())
                    .start();
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            byte[] message = new byte[messageBytes];
            while (Streams.readMessage(in, message)) {
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis);
                }
                out.write(message);
            }
        } catch (IOException | InterruptedException gone) {
            // The client went away or the server is closing: this connection is over either way.
        } finally {
            connections.remove(connection);
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort; there is nothing left to do with a socket that will not close.
        }
    }
}
