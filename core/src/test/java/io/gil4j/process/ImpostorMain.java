package io.gil4j.process;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test support: a worker main that first connects to the parent with a wrong token and requires the parent
 * to close that connection within 5 s (exit status 3 otherwise, so the pool's start fails), then runs a real
 * worker.
 */
public final class ImpostorMain {

    private ImpostorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (SocketChannel channel = Rendezvous.connect(args[0])) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeUTF("not-the-token");
            out.flush();
            InputStream in = Channels.newInputStream(channel);
            Future<Integer> first = reader.submit(() -> in.read());
            if (first.get(5, TimeUnit.SECONDS) != -1) {
                System.exit(3); // the parent sent something to an unauthenticated connection
            }
        } catch (TimeoutException | SocketTimeoutException e) {
            System.exit(3); // the parent kept the connection open
        } catch (ExecutionException e) {
            // the parent reset the connection: closed, as it should
        } finally {
            reader.shutdownNow();
        }
        WorkerMain.main(args);
    }
}
