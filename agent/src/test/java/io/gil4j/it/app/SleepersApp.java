package io.gil4j.it.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Four threads sleep 300 ms each inside instrumented code, counting themselves asleep before the sleep and
 * reading the count when they wake; prints the most seen asleep at once. A sleep that kept the lock would
 * let no other sleeper in (at most 1); a released one lets them overlap.
 */
public final class SleepersApp {

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            Class.forName("io.gil4j.bootstrap.Control", false, null)
                    .getMethod("switchMode", String.class)
                    .invoke(null, args[0]);
        }
        List<Thread> sleepers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread sleeper = new Thread(SleepersApp::nap);
            sleepers.add(sleeper);
            sleeper.start();
        }
        for (Thread sleeper : sleepers) {
            sleeper.join();
        }
        System.out.println("mostAsleep=" + MOST_ASLEEP.get());
    }

    private static final AtomicInteger ASLEEP = new AtomicInteger();
    private static final AtomicInteger MOST_ASLEEP = new AtomicInteger();

    private static void nap() {
        ASLEEP.incrementAndGet();
        try {
            Thread.sleep(300); // the behaviour under test: sleepers overlap, the lock released around each
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MOST_ASLEEP.accumulateAndGet(ASLEEP.getAndDecrement(), Math::max);
    }
}
