package io.gil4j.process;

import io.gil4j.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Test support: worker commands and worker pids. */
final class Workers {

    /**
     * How often tests poll for a worker's pid file or exit: a JVM takes a while to start or stop, and polling
     * faster would only take CPU from it.
     */
    static final Duration POLL = Duration.ofMillis(5);

    private Workers() {}

    /** This JVM's java and class path running {@code main}, tuned to start fast. */
    static List<String> command(Class<?> main) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName());
    }

    /** A test pool: this test's fixtures allowed, a bounded start. */
    static ProcessPool.Builder pool(int workers) {
        return ProcessPool.builder(command(WorkerMain.class))
                .workers(workers)
                .allow(Fixtures.ALLOWED)
                .startTimeout(Duration.ofSeconds(30));
    }

    /** The pid that {@link Fixtures#sleepAfterSaying} writes to {@code pidFile}, once it has. */
    static long awaitPid(Path pidFile, Duration timeout) throws Exception {
        Eventually.await("a worker to write " + pidFile, timeout, POLL, () -> Files.exists(pidFile));
        return Long.parseLong(Files.readString(pidFile));
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
