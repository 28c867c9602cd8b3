package io.gil4j.control;

import io.gil4j.control.RequestParser.Progress;
import io.gil4j.control.RequestParser.Request;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server that its clients cannot stall: the control endpoint's transport.
 *
 * <h2>Design</h2>
 *
 * <p><b>Threads.</b> One selector thread ({@code gil4j-control}) owns every socket: it accepts, reads each
 * request into its connection's buffer as the bytes arrive (never waiting for them), and writes the
 * answers. Only a complete request reaches a handler thread ({@link #HANDLERS} of them, {@code
 * gil4j-control-handler}, with a queue of {@link #QUEUE}; 503 when it is full), which computes the answer and
 * hands its bytes back to the selector thread through {@code answered}. A client that sends slowly, or never
 * finishes, holds a buffer and a connection slot, never a thread; an answer that takes long (a mode switch
 * retransforming classes) holds one handler and leaves the other to answer {@code GET /status}.
 *
 * <p><b>A connection's states</b>, touched by the selector thread only:
 *
 * <pre>
 *   READING --request complete--> HANDLING --answer--> WRITING --written--> LINGERING --EOF--> closed
 *   READING --refused (400, 408, 413, 431)--------------> WRITING
 * </pre>
 *
 * One request per connection ({@code Connection: close}). After the answer the output is shut and the rest
 * of the input read and dropped until the client closes, so that a client still sending a refused body reads
 * the answer rather than a reset.
 *
 * <p><b>Bounds.</b> At most {@link #MAX_CONNECTIONS} connections: one more closes the oldest that is not
 * being handled. A request must arrive whole within {@link #REQUEST_TIMEOUT_NANOS} of its accept (408
 * otherwise), an answer be taken by the client within {@link #WRITE_TIMEOUT_NANOS}, and lingering lasts at
 * most {@link #LINGER_NANOS} and {@link #LINGER_BYTES}: past any bound the connection is closed. A head is
 * at most {@link RequestParser#MAX_HEAD} bytes (431), a body at most the given limit, judged before it is
 * read (413).
 *
 * <p>A handler never throws into the server: an unexpected failure is a 500. {@link #close()} stops the
 * threads and closes every socket.
 */
final class HttpEndpoint implements AutoCloseable {

    static final int HANDLERS = 2;
    static final int QUEUE = 32;
    static final int MAX_CONNECTIONS = 128;
    static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long WRITE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long LINGER_BYTES = 16L << 20;
    private static final long SWEEP_MILLIS = 100;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** An answer: status, headers besides the framing ones, body. */
    record Response(int status, Map<String, String> headers, byte[] body) {}

    private enum State { READING, HANDLING, WRITING, LINGERING }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final int maxBody;
    private final Function<Request, Response> handler;
    private final ThreadPoolExecutor handlers;
    private final Thread thread;
    private final Queue<Runnable> answered = new ConcurrentLinkedQueue<>();
    private final LinkedHashSet<Connection> connections = new LinkedHashSet<>(); // oldest first
    private volatile boolean open = true;

    private HttpEndpoint(ServerSocketChannel server, Selector selector, int maxBody, Function<Request, Response> handler) {
        this.server = server;
        this.selector = selector;
        this.maxBody = maxBody;
        this.handler = handler;
        this.handlers = new ThreadPoolExecutor(HANDLERS, HANDLERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> daemon(task, "gil4j-control-handler"));
        this.thread = daemon(this::serve, "gil4j-control");
    }

    /**
     * Binds {@code address} (port 0: any free port) and starts serving requests with bodies of at most
     * {@code maxBody} bytes; {@code handler} answers each complete request, on a handler thread.
     *
     * @throws IOException if the address cannot be bound
     */
    static HttpEndpoint start(InetSocketAddress address, int maxBody, Function<Request, Response> handler)
            throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        Selector selector = null;
        try {
            server.bind(address, MAX_CONNECTIONS);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        HttpEndpoint endpoint = new HttpEndpoint(server, selector, maxBody, handler);
        endpoint.thread.start();
        return endpoint;
    }

    /** The address the endpoint listens on. */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the control endpoint is closed", e);
        }
    }

    private void serve() {
        try {
            while (open) {
                selector.select(SWEEP_MILLIS);
                for (Runnable answer = answered.poll(); answer != null; answer = answered.poll()) {
                    answer.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptAll();
                    } else {
                        ((Connection) key.attachment()).ready(key);
                    }
                }
                selector.selectedKeys().clear();
                sweep(System.nanoTime());
            }
        } catch (IOException | ClosedSelectorException e) {
            // closed
        } finally {
            closeAll();
        }
    }

    /** Accepts every connection waiting; one that cannot be accepted now (out of descriptors) waits. */
    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections.size() >= MAX_CONNECTIONS) {
                evictOldest();
            }
            Connection connection = new Connection(channel, System.nanoTime());
            try {
                channel.configureBlocking(false);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections.add(connection);
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    /** Closes the oldest connection not being handled, to make room for a new one. */
    private void evictOldest() {
        for (Connection connection : connections) {
            if (connection.state != State.HANDLING) {
                connection.close();
                return;
            }
        }
    }

    private void sweep(long now) {
        for (Connection connection : new ArrayList<>(connections)) {
            if (connection.state != State.HANDLING && now - connection.deadline > 0) {
                connection.timedOut();
            }
        }
    }

    private void closeAll() {
        for (Connection connection : new ArrayList<>(connections)) {
            connection.close();
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /** Stops accepting, closes every connection and stops the threads. Any thread; idempotent. */
    @Override
    public void close() {
        open = false;
        selector.wakeup();
        handlers.shutdownNow();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bytes of an answer, framed for a connection that closes after it; no body for a HEAD request. */
    static byte[] frame(Response response, boolean head) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
        byte[] headBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (head) {
            return headBytes;
        }
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + response.body().length);
        System.arraycopy(response.body(), 0, all, headBytes.length, response.body().length);
        return all;
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 202: return "Accepted";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 413: return "Content Too Large";
            case 431: return "Request Header Fields Too Large";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    /** A JSON error answer, for refusals made before a handler sees the request. */
    private static Response error(int status, String message) {
        return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                Json.write(Map.of("error", message)).getBytes(StandardCharsets.UTF_8));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One client's connection; selector thread only. */
    private final class Connection {

        private final SocketChannel channel;
        private final RequestParser parser = new RequestParser(maxBody);
        private SelectionKey key;
        private State state = State.READING;
        private long deadline;
        private byte[] buffer = new byte[1024];
        private int length;
        private ByteBuffer out;
        private long discarded;

        Connection(SocketChannel channel, long accepted) {
            this.channel = channel;
            this.deadline = accepted + REQUEST_TIMEOUT_NANOS;
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
                answer(error(parser.refusal().status(), parser.refusal().message()));
            }
        }

        private void handle(Request request) {
            state = State.HANDLING;
            key.interestOps(0);
            try {
                handlers.execute(() -> {
                    Response response;
                    try {
                        response = handler.apply(request);
                    } catch (RuntimeException | Error e) {
                        response = error(500, "internal error: " + e.getClass().getSimpleName());
                    }
                    Response done = response;
                    answered.add(() -> answer(done));
                    selector.wakeup();
                });
            } catch (RejectedExecutionException busy) {
                answer(error(503, "the control endpoint is busy; try again"));
            }
        }

        /** Writes {@code response} and then lingers; the request is not read further. */
        private void answer(Response response) {
            if (!channel.isOpen()) {
                return;
            }
            state = State.WRITING;
            deadline = System.nanoTime() + WRITE_TIMEOUT_NANOS;
            send(frame(response, "HEAD".equals(parser.method())));
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
            deadline = System.nanoTime() + LINGER_NANOS;
            key.interestOps(SelectionKey.OP_READ);
        }

        private void discard() throws IOException {
            ByteBuffer sink = ByteBuffer.allocate(8192);
            int read = channel.read(sink);
            discarded += Math.max(0, read);
            if (read < 0 || discarded > LINGER_BYTES) {
                close();
            }
        }

        void timedOut() {
            if (state == State.READING) {
                answer(error(408, "the request was not complete within "
                        + TimeUnit.NANOSECONDS.toSeconds(REQUEST_TIMEOUT_NANOS) + " s"));
            } else {
                close();
            }
        }

        void close() {
            connections.remove(this);
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
}
