package io.gil4j.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where one new worker meets its parent: a listening socket that only the worker's first message opens.
 *
 * <p><b>Where.</b> A Unix-domain socket in a fresh directory of mode {@code rwx------} (JDK 16+): only this
 * user can connect at all. Where that cannot be made (no Unix-domain sockets, a path too long), a TCP port
 * on the loopback address, which any local user can reach. {@link #address()} is what the worker is given:
 * {@code unix:<path>} or the port.
 *
 * <p><b>Who.</b> Every connection is accepted at once and read without blocking, on the launching thread,
 * until it has sent as many bytes as the expected hello: equal (compared in constant time) it is the worker's,
 * otherwise, or at end of stream, it is closed. The hello's first two bytes (its length, no secret) are
 * checked as soon as they arrive; the token itself only whole, so that how soon a connection is closed
 * tells nothing about it. A connection that sends nothing costs a slot among {@link
 * #MAX_PENDING} (the oldest is closed to make room), never a wait: strangers cannot delay the worker. Nothing
 * is ever sent to a connection before it has proved itself. {@link #close()} closes everything and deletes
 * the directory. Not thread-safe: one launch, one thread.
 */
final class Rendezvous implements AutoCloseable {

    static final int MAX_PENDING = 16;
    private static final String UNIX = "unix:";
    private static final long SLICE_MILLIS = 50;

    private final ServerSocketChannel server;
    private final Path directory;
    private final Selector selector;
    private final Deque<SelectionKey> pending = new ArrayDeque<>();

    private Rendezvous(ServerSocketChannel server, Path directory) throws IOException {
        this.server = server;
        this.directory = directory;
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** A rendezvous on a Unix-domain socket in a private directory, or else on a loopback port. */
    static Rendezvous open() throws IOException {
        Path directory = null;
        ServerSocketChannel server = null;
        try {
            directory = Files.createTempDirectory(
                    "gil4j-worker-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(directory.resolve("s")), MAX_PENDING);
            return new Rendezvous(server, directory);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(server);
            deleteQuietly(directory);
        }
        server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_PENDING);
            return new Rendezvous(server, null);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** What the worker connects to: {@code unix:<path>}, or a port on the loopback address. */
    String address() throws IOException {
        SocketAddress local = server.getLocalAddress();
        return local instanceof UnixDomainSocketAddress
                ? UNIX + ((UnixDomainSocketAddress) local).getPath()
                : Integer.toString(((InetSocketAddress) local).getPort());
    }

    /** The worker's side: connects, blocking, to {@code address} as {@link #address()} wrote it. */
    static SocketChannel connect(String address) throws IOException {
        if (address.startsWith(UNIX)) {
            return SocketChannel.open(UnixDomainSocketAddress.of(address.substring(UNIX.length())));
        }
        return SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(address)));
    }

    /**
     * The first connection that sends {@code hello}, in blocking mode; null if none has by {@code deadline}
     * ({@link System#nanoTime()}). Runs {@code check} every 50 ms at least, which may throw to give up.
     */
    SocketChannel await(byte[] hello, long deadline, Runnable check) throws IOException {
        while (System.nanoTime() - deadline < 0) {
            check.run();
            selector.select(SLICE_MILLIS);
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isValid() && key.isAcceptable()) {
                    acceptAll(hello.length);
                } else if (key.isValid() && key.isReadable() && presented(key, hello)) {
                    SocketChannel worker = (SocketChannel) key.channel();
                    pending.remove(key);
                    key.cancel();
                    selector.selectNow(); // deregisters the key, so that blocking mode can be set
                    worker.configureBlocking(true);
                    return worker;
                }
            }
            selector.selectedKeys().clear();
        }
        return null;
    }

    private void acceptAll(int helloLength) throws IOException {
        for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
            if (pending.size() >= MAX_PENDING) {
                drop(pending.removeFirst());
            }
            channel.configureBlocking(false);
            pending.addLast(channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(helloLength)));
        }
    }

    /** Reads what the connection sent; true if it is the whole hello, and closes it if it cannot be. */
    @SuppressWarnings("ByteBufferBackingArray") // the buffer is ByteBuffer.allocate's: offset 0
    private boolean presented(SelectionKey key, byte[] hello) {
        ByteBuffer received = (ByteBuffer) key.attachment();
        try {
            int read = ((SocketChannel) key.channel()).read(received);
            boolean lengthRight = received.position() < 2
                    || (received.get(0) == hello[0] && received.get(1) == hello[1]); // the length is no secret
            if (read >= 0 && lengthRight && received.hasRemaining()) {
                return false;
            }
            if (read >= 0 && MessageDigest.isEqual(received.array(), hello)) {
                return true;
            }
        } catch (IOException e) {
            // broken: dropped below
        }
        pending.remove(key);
        drop(key);
        return false;
    }

    private static void drop(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
    }

    @Override
    public void close() {
        for (SelectionKey key : pending) {
            drop(key);
        }
        closeQuietly(selector);
        closeQuietly(server);
        deleteQuietly(directory);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is all we wanted
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory != null) {
            try {
                Files.deleteIfExists(directory.resolve("s"));
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                // a leftover empty directory of this user's
            }
        }
    }
}
