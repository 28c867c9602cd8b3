package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import io.gil4j.api.Offload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mode-switch soak: THREADS threads each make CALLS calls of a marked method with ids unique across
 * the run, while another thread cycles the mode through all five every 10 ms. The method appends each id
 * it runs to a file of its JVM (the app's or a worker process's) in the directory {@code SOAK_DIR}, so the
 * test can count how often each id ran; the app prints the calls whose result was wrong or missing.
 */
public final class ModeSwitchSoakApp {

    private static final Mode[] MODES = Mode.values();

    private ModeSwitchSoakApp() {}

    /** Marked: records that {@code id} ran here and returns a value only {@code id} gives. */
    @Offload
    static long work(long id) {
        Executions.record(id);
        return id * 31 + 7;
    }

    /** Appends the ids run in this JVM to {@code $SOAK_DIR/ids-<pid>.bin}, 8 bytes each, unbuffered. */
    static final class Executions {
        private static FileChannel log;

        static synchronized void record(long id) {
            try {
                if (log == null) {
                    Path file = Paths.get(
                            System.getenv("SOAK_DIR"),
                            "ids-" + ProcessHandle.current().pid() + ".bin");
                    log = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                }
                log.write(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        AtomicLong wrong = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        int[] switches = new int[1];
        Thread switcher = new Thread(
                () -> {
                    while (running.get()) {
                        Gil4j.switchMode(MODES[switches[0]++ % MODES.length]);
                        try {
                            Thread.sleep(10); // the behaviour under test: a switch every 10 ms while calls run
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "soak-switcher");
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        switcher.start();
        for (int t = 0; t < threads; t++) {
            long first = (long) t * calls;
            new Thread(
                            () -> {
                                try {
                                    for (long id = first; id < first + calls; id++) {
                                        try {
                                            if (work(id) != id * 31 + 7) {
                                                wrong.incrementAndGet();
                                            }
                                        } catch (RuntimeException e) {
                                            if (failed.getAndIncrement() == 0) {
                                                e.printStackTrace();
                                            }
                                        }
                                    }
                                } finally {
                                    done.countDown();
                                }
                            },
                            "soak-" + t)
                    .start();
        }
        done.await();
        running.set(false);
        switcher.join();
        System.out.println("calls=" + (long) threads * calls + " wrong=" + wrong.get() + " failed=" + failed.get()
                + " switches=" + switches[0] + " seconds=" + (System.nanoTime() - start) / 1_000_000_000L);
    }
}
