package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import io.gil4j.api.Offload;
import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Ends its JVM with marked calls running and queued. Arguments: {@code daemon} or {@code user} (the callers'
 * kind), the milliseconds each call sleeps, and the modes to fill, comma-separated. In each mode in turn
 * (switched to through the API), THREADS callers each call a marked method, on a pool of one worker, so one
 * runs and the rest wait in its queue; the app goes on once the first call runs (the call creates a marker
 * file, which works across worker JVMs too). Once every caller but one a route waits, it prints {@code exiting
 * <epoch millis>} and ends: daemon callers by returning from {@code main}, user callers by {@code System.exit(0)}
 * (they would keep the JVM up otherwise). A call that finishes prints {@code slow done}.
 */
public final class ShutdownApp {

    private static final int THREADS = 4;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private ShutdownApp() {}

    @Offload
    static void slow(String runningMarker, long sleepMillis) throws InterruptedException, IOException {
        Files.writeString(Path.of(runningMarker), "running");
        Thread.sleep(sleepMillis); // the behaviour under test: a call still running at exit
        System.out.println("slow done");
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        boolean daemon = args[0].equals("daemon");
        long sleepMillis = Long.parseLong(args[1]);
        Path markers = Files.createTempDirectory("gil4j-shutdown");
        markers.toFile().deleteOnExit();
        String[] modes = args[2].split(",");
        List<Thread> callers = new ArrayList<>();
        for (String mode : modes) {
            Gil4j.switchMode(Mode.of(mode));
            Path marker = markers.resolve(mode);
            marker.toFile().deleteOnExit();
            CountDownLatch started = new CountDownLatch(THREADS);
            for (int i = 0; i < THREADS; i++) {
                Thread caller = new Thread(
                        () -> {
                            started.countDown();
                            try {
                                slow(marker.toString(), sleepMillis);
                            } catch (InterruptedException | IOException | RuntimeException e) {
                                // a call failed at exit: expected for the queued ones
                            }
                        },
                        mode + "-caller-" + i);
                caller.setDaemon(daemon);
                callers.add(caller);
                caller.start();
            }
            started.await();
            Eventually.await(
                    "the first " + mode + " call running",
                    START_TIMEOUT,
                    Duration.ofMillis(10),
                    () -> Files.exists(marker));
        }
        long queued = (long) modes.length * (THREADS - 1);
        Eventually.await(
                "the other callers waiting in the queues",
                START_TIMEOUT,
                Duration.ofMillis(1),
                () -> Callers.waiting(callers) >= queued);
        System.out.println("exiting " + System.currentTimeMillis());
        if (!daemon) {
            System.exit(0);
        }
    }
}
