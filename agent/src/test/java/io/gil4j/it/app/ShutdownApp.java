package io.gil4j.it.app;

import io.gil4j.api.Offload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/**
 * Leaves marked calls running and queued when {@code main} returns: THREADS daemon threads each call a
 * marked method that sleeps SLEEP_MS, on a pool of one worker, so one runs and the rest wait in its queue.
 * {@code main} returns once the first call runs: the call creates a marker file, which works across
 * worker JVMs too (a worker JVM of the processes mode may take a second to start on a loaded machine). At
 * exit the agent lets the running call finish (it prints {@code slow done}) and fails or finishes the
 * queued ones within its shutdown bound; the JVM must exit, and the agent print nothing.
 */
public final class ShutdownApp {

    private static final int THREADS = 4;
    private static final long SLEEP_MS = 1_000;
    private static final long START_TIMEOUT_MS = 20_000;

    private ShutdownApp() {}

    @Offload
    static void slow(String runningMarker) throws InterruptedException, IOException {
        Files.writeString(Paths.get(runningMarker), "running");
        Thread.sleep(SLEEP_MS);
        System.out.println("slow done");
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Path marker = Files.createTempDirectory("gil4j-shutdown").resolve("running");
        marker.toFile().deleteOnExit();
        marker.getParent().toFile().deleteOnExit();
        CountDownLatch started = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            Thread caller = new Thread(() -> {
                started.countDown();
                try {
                    slow(marker.toString());
                } catch (InterruptedException | IOException | RuntimeException e) {
                    // a call failed at shutdown: expected for the queued ones
                }
            }, "caller-" + i);
            caller.setDaemon(true);
            caller.start();
        }
        started.await();
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000;
        while (!Files.exists(marker) && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // let the other callers reach the queue
        System.out.println("main returns");
    }
}
