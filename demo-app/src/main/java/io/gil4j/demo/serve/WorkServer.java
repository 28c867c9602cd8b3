package io.gil4j.demo.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gil4j.demo.workload.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workload behind the JDK's HTTP server: {@code GET /} answers {@code 200 ready}, {@code GET /work} runs
 * the next task of the workload on a request thread and answers its result, anything else 404 (405 for
 * another method on a known path). A task that throws answers 500 with the error.
 *
 * <p>Each request runs one task on one of {@code threads} request threads, so the marked method of the task
 * sees as many concurrent callers as there are requests in flight, up to that number.
 */
final class WorkServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final Workload workload;
    private final AtomicInteger next = new AtomicInteger();

    private WorkServer(HttpServer server, ExecutorService threads, Workload workload) {
        this.server = server;
        this.threads = threads;
        this.workload = workload;
    }

    /** Listens on {@code host:port} with {@code threads} request threads, serving {@code workload}. */
    static WorkServer start(String host, int port, int threads, Workload workload) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "serve-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        WorkServer work = new WorkServer(server, pool, workload);
        server.createContext("/", work::handle);
        server.setExecutor(pool);
        server.start();
        return work;
    }

    /** The port listened on. */
    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/") || path.equals("/work");
            if (!known) {
                respond(exchange, 404, "not found: " + path + " (GET / or GET /work)");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "only GET is served");
            } else if (path.equals("/")) {
                respond(exchange, 200, "ready: workload " + workload.name());
            } else {
                serveTask(exchange);
            }
        }
    }

    private void serveTask(HttpExchange exchange) throws IOException {
        Object result;
        try {
            result = workload.runTask(Math.floorMod(next.getAndIncrement(), 1 << 20));
        } catch (Exception e) {
            respond(exchange, 500, "error: " + e);
            return;
        }
        respond(exchange, 200, String.valueOf(result));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening, lets requests in flight finish for a second, and stops the request threads. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
