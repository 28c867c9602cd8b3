package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import io.gil4j.api.Offload;
import io.gil4j.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A graceful shutdown as servlet containers do it: a shutdown hook waits for the requests in flight, whose
 * threads are daemons. Two daemon callers each make a marked call of 300 ms on a pool of one worker (one
 * runs, one is queued); {@code main} returns at once, and the hook waits up to 5 s for both callers, then
 * prints how each call ended ({@code caller-N done} or {@code caller-N failed: <exception>}).
 * Argument: the mode.
 */
public final class GracefulShutdownApp {

    private static final Map<String, String> ENDED = new ConcurrentHashMap<>();

    private GracefulShutdownApp() {}

    @Offload
    static void request() throws InterruptedException {
        Thread.sleep(300); // the behaviour under test: a request still in flight at exit
    }

    public static void main(String[] args) throws InterruptedException {
        Gil4j.switchMode(Mode.of(args[0]));
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread caller = new Thread(
                    () -> {
                        String name = Thread.currentThread().getName();
                        try {
                            request();
                            ENDED.put(name, "done");
                        } catch (InterruptedException | RuntimeException e) {
                            ENDED.put(name, "failed: " + e);
                        }
                    },
                    "caller-" + i);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
        Eventually.await(
                "one call running, the other waiting in the queue",
                Duration.ofSeconds(20),
                Duration.ofMillis(1),
                () -> Callers.waiting(callers) >= callers.size() - 1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Thread caller : callers) {
                try {
                    caller.join(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            callers.forEach(c -> System.out.println(c.getName() + " " + ENDED.getOrDefault(c.getName(), "unfinished")));
        }));
    }
}
