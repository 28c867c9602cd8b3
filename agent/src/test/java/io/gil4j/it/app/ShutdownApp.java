package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Offload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Ends its JVM with marked calls running and queued. Arguments: {@code daemon} or {@code user} (the callers'
 * kind), the milliseconds each call sleeps, and the modes to fill, comma-separated. In each mode in turn
 * (switched to through the API), THREADS callers each call a marked method, on a pool of one worker, so one
 * runs and the rest wait in its queue; the app goes on once the first call runs (the call creates a marker
 * file, which works across worker JVMs too). Then it prints {@code exiting <epoch millis>} and ends: daemon
 * callers by returning from {@code main}, user callers by {@code System.exit(0)} (they would keep the JVM up
 * otherwise). A call that finishes prints {@code slow done}.
 */
public final class ShutdownApp {

    private static final int THREADS = 4;
    private static final long START_TIMEOUT_MS = 20_000;

    private ShutdownApp() {}

    @Offload
    static void slow(String runningMarker, long sleepMillis) throws InterruptedException, IOException {
        Files.writeString(Path.of(runningMarker), "running");
        Thread.sleep(sleepMillis);
        System.out.println("slow done");
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        boolean daemon = args[0].equals("daemon");
        long sleepMillis = Long.parseLong(args[1]);
        Path markers = Files.createTempDirectory("gil4j-shutdown");
        markers.toFile().deleteOnExit();
        for (String mode : args[2].split(",")) {
            Gil4j.switchMode(mode);
            Path marker = markers.resolve(mode);
            marker.toFile().deleteOnExit();
            CountDownLatch started = new CountDownLatch(THREADS);
            for (int i = 0; i < THREADS; i++) {
                Thread caller = new Thread(() -> {
                    started.countDown();
                    try {
                        slow(marker.toString(), sleepMillis);
                    } catch (InterruptedException | IOException | RuntimeException e) {
                        // a call failed at exit: expected for the queued ones
                    }
                }, mode + "-caller-" + i);
                caller.setDaemon(daemon);
                caller.start();
            }
            started.await();
            long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000;
            while (!Files.exists(marker) && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
        }
        Thread.sleep(100); // let the other callers reach the queues
        System.out.println("exiting " + System.currentTimeMillis());
        if (!daemon) {
            System.exit(0);
        }
    }
}
