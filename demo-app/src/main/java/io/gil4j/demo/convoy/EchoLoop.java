package io.gil4j.demo.convoy;

import io.gil4j.demo.net.EchoClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The I/O side of the convoy experiment: 1-byte echo round trips on one connection, back to back, for a
 * fixed time. Runs on the thread that calls it.
 */
final class EchoLoop implements Callable<Double> {

    private final InetSocketAddress server;
    private final Duration duration;

    EchoLoop(InetSocketAddress server, Duration duration) {
        this.server = server;
        this.duration = duration;
    }

    /**
     * Makes round trips until the duration has passed.
     *
     * @return round trips per second
     * @throws IOException if the connection fails or a reply differs from its request
     */
    @Override
    public Double call() throws IOException {
        byte[] request = new byte[1];
        byte[] reply = new byte[1];
        long count = 0;
        try (EchoClient client = EchoClient.connect(server)) {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            long now = start;
            while (now < deadline) {
                request[0] = (byte) count;
                client.exchange(request, reply);
                if (reply[0] != request[0]) {
                    throw new IOException("echo sent " + request[0] + " but got " + reply[0]);
                }
                count++;
                now = System.nanoTime();
            }
            return count / ((now - start) / 1e9);
        }
    }
}
