package io.gil4j.process;

import io.gil4j.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Test support: a parent JVM that starts a pool, has its worker sleep (writing the worker's pid to {@code
 * args[0]}), then dies abruptly ({@link Runtime#halt}) without closing the pool.
 */
public final class OrphanParentMain {

    private OrphanParentMain() {}

    public static void main(String[] args) throws Exception {
        Path pidFile = Path.of(args[0]);
        ProcessPool pool = ProcessPool.builder(Workers.command(WorkerMain.class))
                .workers(1)
                .build();
        Thread caller = new Thread(() -> {
            try {
                pool.invoke(Call.of(Fixtures.method("sleepAfterSaying"), null, pidFile.toString(), 60_000L));
            } catch (Throwable expected) {
                // the parent halts first
            }
        });
        caller.setDaemon(true);
        caller.start();
        Eventually.await("the worker's pid file", Duration.ofSeconds(30), Workers.POLL, () -> Files.exists(pidFile));
        Runtime.getRuntime().halt(0);
    }
}
