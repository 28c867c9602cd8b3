package io.gil4j.process;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts worker processes and authenticates their connections. For each worker: a server socket on the
 * loopback address and an ephemeral port, a fresh random token in the worker's environment, and the port as
 * the last argument of the command; the first connection that presents the token within the start-up
 * timeout is the worker's, any other connection is closed. Thread-safe; each launch blocks its caller.
 */
final class WorkerLauncher {

    private static final int ACCEPT_SLICE_MILLIS = 50;
    private static final int TOKEN_READ_MILLIS = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> command;
    private final SerialCodec codec;
    private final Duration startTimeout;

    WorkerLauncher(List<String> command, SerialCodec codec, Duration startTimeout) {
        this.command = List.copyOf(command);
        this.codec = codec;
        this.startTimeout = startTimeout;
    }

    /**
     * Starts a worker, hands it to {@code register} as soon as its process exists (so that it can be stopped
     * while it starts), and returns it connected and idle.
     *
     * @throws WorkerDiedException if the process exits, or does not connect within the start-up timeout
     *     (it is then destroyed)
     * @throws UncheckedIOException if the process or the server socket cannot be created
     */
    Worker launch(Worker.Listener listener, Consumer<Worker> register) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String encodedToken = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            List<String> line = new ArrayList<>(command);
            line.add(Integer.toString(server.getLocalPort()));
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put(WorkerMain.TOKEN_ENV, encodedToken);
            builder.environment().put(WorkerMain.ALLOW_ENV, codec.allowList().encode());
            builder.environment().put(WorkerMain.LIMITS_ENV, codec.limits().encode());
            long start = System.nanoTime();
            Worker worker = new Worker(builder.start(), listener, 2 * codec.limits().maxBytes());
            register.accept(worker);
            try {
                Socket connection = accept(server, encodedToken, worker, start + startTimeout.toNanos());
                worker.connected(connection, System.nanoTime() - start);
                return worker;
            } catch (IOException | RuntimeException e) {
                worker.kill("a failed start-up");
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process with " + command, e);
        }
    }

    private Socket accept(ServerSocket server, String token, Worker worker, long deadline) throws IOException {
        server.setSoTimeout(ACCEPT_SLICE_MILLIS);
        while (true) {
            if (!worker.process().isAlive()) {
                throw worker.died("before connecting", null);
            }
            if (System.nanoTime() - deadline > 0) {
                worker.kill("its start-up timeout of " + startTimeout);
                throw worker.died("before connecting", null);
            }
            Socket connection;
            try {
                connection = server.accept();
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (presents(connection, token)) {
                return connection;
            }
            connection.close();
        }
    }

    /** Whether {@code connection} sends {@code token} first, within a bounded time. */
    private static boolean presents(Socket connection, String token) {
        try {
            connection.setSoTimeout(TOKEN_READ_MILLIS);
            String presented = new DataInputStream(connection.getInputStream()).readUTF();
            connection.setSoTimeout(0);
            return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }
}
