package io.gil4j.process;

import io.gil4j.crossing.SerialCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts worker processes and authenticates their connections. For each worker: a {@link Rendezvous} (a
 * Unix-domain socket in a private directory, else a loopback port), a fresh random token in the worker's
 * environment, and the rendezvous's address as the last argument of the command; the first connection that
 * presents the token within the start-up timeout is the worker's, any other connection is closed, and none
 * makes the worker wait. Thread-safe; each launch blocks its caller.
 */
final class WorkerLauncher {

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
     * @throws UncheckedIOException if the process or the rendezvous cannot be created
     */
    Worker launch(Worker.Listener listener, Consumer<Worker> register) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String encodedToken = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        try (Rendezvous rendezvous = Rendezvous.open()) {
            List<String> line = new ArrayList<>(command);
            line.add(rendezvous.address());
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put(WorkerMain.TOKEN_ENV, encodedToken);
            builder.environment().put(WorkerMain.ALLOW_ENV, codec.allowList().encode());
            builder.environment().put(WorkerMain.LIMITS_ENV, codec.limits().encode());
            long start = System.nanoTime();
            Worker worker =
                    new Worker(builder.start(), listener, 2 * codec.limits().maxBytes());
            register.accept(worker);
            try {
                SocketChannel connection = rendezvous.await(hello(encodedToken), start + startTimeout.toNanos(), () -> {
                    if (!worker.process().isAlive()) {
                        throw worker.died("before connecting", null);
                    }
                });
                if (connection == null) {
                    worker.kill("its start-up timeout of " + startTimeout);
                    throw worker.died("before connecting", null);
                }
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

    /** The worker's first message: the token, as {@link DataOutputStream#writeUTF} writes it. */
    private static byte[] hello(String token) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(token);
        }
        return bytes.toByteArray();
    }
}
