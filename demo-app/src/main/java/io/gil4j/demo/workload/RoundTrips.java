package io.gil4j.demo.workload;

import io.gil4j.demo.net.EchoClient;
import io.gil4j.demo.net.EchoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * I/O-bound: each task connects to an in-process loopback {@link EchoServer} and makes a number of
 * request/response round trips, each answered after a latency. A task spends nearly all its time blocked in
 * socket reads, where the agent releases the lock, so threads overlap in every mode.
 *
 * <p>The result is the sum of the 8-byte values echoed back; a reply that differs from its request fails
 * the task. Closing the workload closes the server.
 */
public final class RoundTrips implements Workload {

    /** Round trips per task by default. */
    static final int DEFAULT_ROUND_TRIPS = 25;
    /** Server latency per reply by default, in milliseconds. */
    static final long DEFAULT_LATENCY_MILLIS = 2;
    /** Round trips per task for {@link Size#SMALL}. */
    static final int SMALL_ROUND_TRIPS = 5;
    /** Server latency per reply for {@link Size#SMALL}, in milliseconds. */
    static final long SMALL_LATENCY_MILLIS = 1;

    private final EchoServer server;
    private final int roundTrips;

    private RoundTrips(EchoServer server, int roundTrips) {
        this.server = server;
        this.roundTrips = roundTrips;
    }

    /**
     * Starts the server; the caller closes the workload to stop it.
     *
     * @throws IllegalArgumentException if {@code roundTrips} is not positive or the latency is negative
     * @throws IOException if the server cannot bind a loopback port
     */
    public static RoundTrips start(int roundTrips, long latencyMillis) throws IOException {
        if (roundTrips <= 0) {
            throw new IllegalArgumentException("roundTrips must be positive, got " + roundTrips);
        }
        return new RoundTrips(EchoServer.start(Long.BYTES, latencyMillis), roundTrips);
    }

    static Workload ofSize(Size size) {
        try {
            return size == Size.SMALL
                    ? start(SMALL_ROUND_TRIPS, SMALL_LATENCY_MILLIS)
                    : start(DEFAULT_ROUND_TRIPS, DEFAULT_LATENCY_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    @Override
    public String name() {
        return "io";
    }

    /**
     * Runs the task's round trips on a connection of its own.
     *
     * @throws IOException if the connection fails or a reply differs from its request
     */
    @Override
    public Object runTask(int taskIndex) throws IOException {
        byte[] request = new byte[Long.BYTES];
        byte[] reply = new byte[Long.BYTES];
        long sum = 0;
        try (EchoClient client = EchoClient.connect(server.address())) {
            for (int trip = 0; trip < roundTrips; trip++) {
                long value = ((long) taskIndex << 32) | trip;
                ByteBuffer.wrap(request).putLong(0, value);
                client.exchange(request, reply);
                long echoed = ByteBuffer.wrap(reply).getLong(0);
                if (echoed != value) {
                    throw new IOException("round trip " + trip + " sent " + value + " but got " + echoed);
                }
                sum += echoed;
            }
        }
        return sum;
    }

    @Override
    public void close() {
        server.close();
    }
}
