package io.gil4j.demo.serve;

import io.gil4j.demo.workload.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workload behind a small HTTP/1.1 server: {@code GET /} answers {@code 200 ready}, {@code GET /work} runs
 * the next task of the workload on the connection's thread and answers its result, anything else 404 (405
 * for another method, and the connection closes). A task that throws answers 500 with the error.
 *
 * <p>One thread per connection, up to {@code threads}, keeping connections alive, so that the marked method
 * of the task sees as many concurrent callers as there are clients. Each answer goes out in one write on a
 * socket with {@code TCP_NODELAY}: the JDK's {@code HttpServer} writes headers and body apart, so without
 * its {@code sun.net.httpserver.nodelay} (read once per JVM, possibly by an agent's own endpoint first)
 * each answer waits out the client's delayed acknowledgement, some 40 ms.
 */
final class WorkServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads;
    private final Workload workload;
    private final AtomicInteger next = new AtomicInteger();

    private WorkServer(ServerSocket socket, ExecutorService threads, Workload workload) {
        this.socket = socket;
        this.threads = threads;
        this.workload = workload;
    }

    /** Listens on {@code host:port} with {@code threads} connection threads, serving {@code workload}. */
    static WorkServer start(String host, int port, int threads, Workload workload) throws IOException {
        ServerSocket socket = new ServerSocket(port, 64, InetAddress.getByName(host));
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(threads, task -> daemon(task, "serve-" + names.incrementAndGet()));
        WorkServer server = new WorkServer(socket, pool, workload);
        daemon(server::accept, "serve-accept").start();
        return server;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The port listened on. */
    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                threads.execute(() -> serve(connection));
            } catch (IOException | RejectedExecutionException closed) {
                return;
            }
        }
    }

    /** Answers the requests of one connection until the client closes it or asks to. */
    private void serve(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = connection.getOutputStream();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String[] request = line.split(" ");
                boolean close = false;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    close |= header.toLowerCase(Locale.ROOT).replace(" ", "").equals("connection:close");
                }
                if (request.length != 3 || !request[0].equals("GET")) {
                    out.write(response(405, "only GET is served", true));
                    return;
                }
                out.write(answer(request[1], close));
                if (close) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private byte[] answer(String target, boolean close) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (path.equals("/")) {
            return response(200, "ready: workload " + workload.name(), close);
        }
        if (!path.equals("/work")) {
            return response(404, "not found: " + path + " (GET / or GET /work)", close);
        }
        try {
            return response(
                    200, String.valueOf(workload.runTask(Math.floorMod(next.getAndIncrement(), 1 << 20))), close);
        } catch (Exception e) {
            return response(500, "error: " + e, close);
        }
    }

    private static byte[] response(int status, String text, boolean close) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        String reason = status == 200
                ? "OK"
                : status == 404 ? "Not Found" : status == 405 ? "Method Not Allowed" : "Internal Server Error";
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(body, 0, whole, headBytes.length, body.length);
        return whole;
    }

    /** Stops listening and stops the connection threads, waiting a second for them. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
