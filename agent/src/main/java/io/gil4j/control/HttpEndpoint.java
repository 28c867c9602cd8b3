package io.gil4j.control;

import io.gil4j.control.RequestParser.Request;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * <p><b>A connection's states</b> ({@link HttpConnection}), touched by the selector thread only:
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

    private final ServerSocketChannel server;
    private final Selector selector;
    private final int maxBody;
    private final Function<Request, HttpResponse> handler;
    private final ThreadPoolExecutor handlers;
    private final Thread thread;
    private final Queue<Runnable> answered = new ConcurrentLinkedQueue<>();
    private final LinkedHashSet<HttpConnection> connections = new LinkedHashSet<>(); // oldest first
    private volatile boolean open = true;

    private HttpEndpoint(
            ServerSocketChannel server, Selector selector, int maxBody, Function<Request, HttpResponse> handler) {
        this.server = server;
        this.selector = selector;
        this.maxBody = maxBody;
        this.handler = handler;
        this.handlers = new ThreadPoolExecutor(
                HANDLERS,
                HANDLERS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                task -> daemon(task, "gil4j-control-handler"));
        this.thread = daemon(this::serve, "gil4j-control");
    }

    /**
     * Binds {@code address} (port 0: any free port) and starts serving requests with bodies of at most
     * {@code maxBody} bytes; {@code handler} answers each complete request, on a handler thread.
     *
     * @throws IOException if the address cannot be bound
     */
    static HttpEndpoint start(InetSocketAddress address, int maxBody, Function<Request, HttpResponse> handler)
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
                        ((HttpConnection) key.attachment()).ready(key);
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
            HttpConnection connection = new HttpConnection(this, channel, maxBody, System.nanoTime());
            try {
                connection.register(selector);
                connections.add(connection);
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    /** Closes the oldest connection not being handled, to make room for a new one. */
    private void evictOldest() {
        for (HttpConnection connection : connections) {
            if (!connection.handling()) {
                connection.close();
                return;
            }
        }
    }

    private void sweep(long now) {
        for (HttpConnection connection : new ArrayList<>(connections)) {
            if (!connection.handling() && connection.overdue(now)) {
                connection.timedOut();
            }
        }
    }

    private void closeAll() {
        for (HttpConnection connection : new ArrayList<>(connections)) {
            connection.close();
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /**
     * Has a handler thread answer {@code request}, and the selector thread write the answer on
     * {@code connection}; a 503 at once if every handler is busy and the queue full. Selector thread only.
     */
    void handle(HttpConnection connection, Request request) {
        try {
            handlers.execute(() -> {
                HttpResponse response;
                try {
                    response = handler.apply(request);
                } catch (RuntimeException | Error e) {
                    response = HttpResponse.error(
                            500, "internal error: " + e.getClass().getSimpleName());
                }
                HttpResponse done = response;
                answered.add(() -> connection.answer(done));
                selector.wakeup();
            });
        } catch (RejectedExecutionException busy) {
            connection.answer(HttpResponse.error(503, "the control endpoint is busy; try again"));
        }
    }

    /** Drops a closed connection from the count. Selector thread only. */
    void forget(HttpConnection connection) {
        connections.remove(connection);
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

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
