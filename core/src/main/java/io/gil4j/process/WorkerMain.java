package io.gil4j.process;

import io.gil4j.crossing.AllowList;
import io.gil4j.crossing.NotShareableException;
import io.gil4j.crossing.SerialCodec;
import io.gil4j.crossing.SerialLimits;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The entry point of a worker process. Started by {@link ProcessPool} as its command prefix followed by one
 * argument, where the parent waits for it ({@code unix:<path>} of a Unix-domain socket, or a port on the
 * loopback address, see {@link Rendezvous}); the token, the allow-list and the limits come in the
 * environment ({@link #TOKEN_ENV}, {@link #ALLOW_ENV}, {@link #LIMITS_ENV}), so they stay off the command
 * line.
 *
 * <p>The worker connects, sends its token, then reads {@link Frame#CALL}s on the main thread and runs each
 * on a single call thread, which writes the reply. The main thread keeps reading while a call runs, so the
 * worker notices at once when the parent closes the connection or dies (the operating system closes its end
 * of the socket) and exits, even in the middle of a call. Standard output and error are the parent's.
 */
public final class WorkerMain {

    /** The one-time token the worker presents to the parent. */
    public static final String TOKEN_ENV = "GIL4J_WORKER_TOKEN";
    /** The caller-given allow-list globs, comma-separated (see {@link AllowList}). */
    public static final String ALLOW_ENV = "GIL4J_WORKER_ALLOW";
    /** The {@link SerialLimits}: depth, references, array length, bytes, comma-separated. */
    public static final String LIMITS_ENV = "GIL4J_WORKER_LIMITS";

    private WorkerMain() {}

    /** Runs the worker ({@link #run}) and exits the JVM with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Serves calls until the parent closes the connection; call from the main thread of a JVM that exits
     * when this returns (calls still running are abandoned).
     *
     * @param args the parent's address
     * @return 0 when the parent closed the connection, 1 if it broke, 2 on bad arguments or environment
     */
    public static int run(String[] args) {
        String token = System.getenv(TOKEN_ENV);
        if (args.length != 1 || token == null) {
            System.err.println("gil4j worker: expected the parent's address as the only argument and " + TOKEN_ENV
                    + " in the environment");
            return 2;
        }
        SerialCodec codec;
        try {
            codec = new SerialCodec(
                    AllowList.parse(System.getenv().getOrDefault(ALLOW_ENV, "")),
                    SerialLimits.parse(System.getenv().getOrDefault(LIMITS_ENV, SerialLimits.DEFAULTS.encode())));
        } catch (IllegalArgumentException e) {
            System.err.println("gil4j worker: " + e);
            return 2;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : ClassLoader.getSystemClassLoader();
        ExecutorService calls = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gil4j-worker-call");
            thread.setDaemon(true);
            return thread;
        });
        try (SocketChannel channel = Rendezvous.connect(args[0])) {
            if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
            out.writeUTF(token);
            out.flush();
            long maxPayload = 2 * codec.limits().maxBytes();
            for (Frame frame = Frame.read(in, maxPayload); frame != null; frame = Frame.read(in, maxPayload)) {
                Frame call = frame;
                calls.execute(() -> answer(call, codec, loader, out));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("gil4j worker: not an address: " + args[0]);
            return 2;
        } catch (IOException e) {
            return 1;
        } finally {
            calls.shutdownNow();
        }
    }

    /** Runs one call and writes its reply; on the call thread. */
    private static void answer(Frame frame, SerialCodec codec, ClassLoader loader, DataOutputStream out) {
        Frame reply;
        try {
            Call call = codec.decode(frame.payload(), loader, "sent to the worker", in -> Call.readFrom(in, loader));
            try {
                reply = Reply.value(frame.id(), call.invoke(), codec, call.describe());
            } catch (Throwable thrown) {
                reply = Reply.thrown(frame.id(), thrown, codec);
            }
        } catch (NotShareableException e) {
            reply = Reply.thrown(frame.id(), e, codec);
        }
        try {
            synchronized (out) {
                reply.write(out);
            }
        } catch (IOException e) {
            // the parent is gone; the main thread sees the same and ends the worker
        }
    }
}
