package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads increment one unsynchronized counter. Under the GIL no update is lost, because threads switch
 * only at check points, never inside {@code count++}. Prints {@code count=<n> expected=<n>}. Given a mode
 * as its argument, it first switches to it through the API, as a service switched live would.
 */
public final class CounterApp {

    private static long count;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !Gil4j.switchMode(Mode.of(args[0]))) {
            throw new IllegalStateException("could not switch to " + args[0]);
        }
        int threads = 4;
        int perThread = 2_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> increment(perThread));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("count=" + count + " expected=" + (long) threads * perThread);
    }

    private static void increment(int times) {
        for (int i = 0; i < times; i++) {
            count++;
        }
    }
}
