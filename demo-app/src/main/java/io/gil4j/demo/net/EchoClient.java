package io.gil4j.demo.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One connection to an {@link EchoServer}, for one thread at a time: each {@link #exchange} writes a
 * request and blocks until the whole reply has arrived.
 */
public final class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code address} with Nagle's algorithm off, so that small requests leave at once.
     *
     * @throws IOException if the connection fails
     */
    public static EchoClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address);
            return new EchoClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends {@code request} and reads exactly {@code reply.length} bytes of answer into {@code reply}.
     *
     * @throws EOFException if the server closed before answering in full
     * @throws IOException if the connection fails
     */
    public void exchange(byte[] request, byte[] reply) throws IOException {
        out.write(request);
        if (!Streams.readMessage(in, reply)) {
            throw new EOFException("server closed the connection before replying");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
