package io.gil4j.control;

import io.gil4j.control.RequestParser.Progress;
import io.gil4j.control.RequestParser.Request;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection to the {@link HttpEndpoint}, in the states its design names: reads a request as
 * its bytes arrive, has the endpoint handle it, writes the answer, then lingers. Selector thread only.
 */
final class HttpConnection {

    private enum State {
        READING,
        HANDLING,
        WRITING,
        LINGERING
    }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final HttpEndpoint endpoint;
    private final SocketChannel channel;
    private final RequestParser parser;
    private SelectionKey key;
    private State state = State.READING;
    private long deadline;
    private byte[] buffer = new byte[1024];
    private int length;
    private ByteBuffer out;
    private long discarded;

    HttpConnection(HttpEndpoint endpoint, SocketChannel channel, int maxBody, long accepted) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.parser = new RequestParser(maxBody);
        this.deadline = accepted + HttpEndpoint.REQUEST_TIMEOUT_NANOS;
    }

    /** Registers the channel with {@code selector}, for reading. */
    void register(Selector selector) throws IOException {
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** True while a handler computes the answer: then the connection is neither evicted nor timed out. */
    boolean handling() {
        return state == State.HANDLING;
    }

    /** True if the deadline of the current state has passed at {@code now}. */
    boolean overdue(long now) {
        return now - deadline > 0;
    }

    void ready(SelectionKey ready) {
        try {
            if (ready.isWritable()) {
                write();
            }
            if (ready.isValid() && ready.isReadable()) {
                read();
            }
        } catch (IOException | RuntimeException e) {
            close(); // the client went away, or broke the protocol at the socket level
        }
    }

    private void read() throws IOException {
        if (state == State.LINGERING) {
            discard();
            return;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(2 * buffer.length, parser.maxRequestBytes() + 1));
        }
        int read = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
        if (read < 0) {
            close();
            return;
        }
        length += read;
        Progress progress = parser.parse(buffer, length);
        if (progress == Progress.HEAD_COMPLETE && parser.expectsContinue()) {
            send(CONTINUE);
        } else if (progress == Progress.COMPLETE) {
            handle(parser.request());
        } else if (progress == Progress.REFUSED) {
            answer(HttpResponse.error(
                    parser.refusal().status(), parser.refusal().message()));
        }
    }

    private void handle(Request request) {
        state = State.HANDLING;
        key.interestOps(0);
        endpoint.handle(this, request);
    }

    /** Writes {@code response} and then lingers; the request is not read further. */
    void answer(HttpResponse response) {
        if (!channel.isOpen()) {
            return;
        }
        state = State.WRITING;
        deadline = System.nanoTime() + HttpEndpoint.WRITE_TIMEOUT_NANOS;
        send(response.frame("HEAD".equals(parser.method())));
    }

    private void send(byte[] bytes) {
        out = ByteBuffer.wrap(bytes);
        key.interestOps(SelectionKey.OP_WRITE);
        try {
            write();
        } catch (IOException e) {
            close();
        }
    }

    private void write() throws IOException {
        channel.write(out);
        if (out.hasRemaining()) {
            return;
        }
        if (state == State.READING) { // 100 Continue sent: on with the body
            key.interestOps(SelectionKey.OP_READ);
            return;
        }
        channel.shutdownOutput();
        state = State.LINGERING;
        deadline = System.nanoTime() + HttpEndpoint.LINGER_NANOS;
        key.interestOps(SelectionKey.OP_READ);
    }

    private void discard() throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(8192);
        int read = channel.read(sink);
        discarded += Math.max(0, read);
        if (read < 0 || discarded > HttpEndpoint.LINGER_BYTES) {
            close();
        }
    }

    void timedOut() {
        if (state == State.READING) {
            answer(HttpResponse.error(
                    408,
                    "the request was not complete within "
                            + TimeUnit.NANOSECONDS.toSeconds(HttpEndpoint.REQUEST_TIMEOUT_NANOS) + " s"));
        } else {
            close();
        }
    }

    void close() {
        endpoint.forget(this);
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
