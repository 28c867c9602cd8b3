package io.gil4j.it.app;

import java.util.concurrent.CountDownLatch;

/**
 * A class-initialisation cycle under the lock. Thread B initialises {@link Slow}; its static initialiser
 * waits (lock released) until main holds the lock. Main then reads {@code Slow.VALUE} and blocks on the
 * class-initialisation lock while holding the interpreter lock, and B, woken, needs the interpreter lock
 * to finish the initialiser. Only the watchdog can break this; prints {@code done value=<n>}.
 */
public final class ClassInitCycleApp {

    static final CountDownLatch INIT_STARTED = new CountDownLatch(1);
    static final CountDownLatch HOLDER_READY = new CountDownLatch(1);

    static final class Slow {
        static final long VALUE = initialise();

        private static long initialise() {
            INIT_STARTED.countDown();
            awaitQuietly(HOLDER_READY);
            return sum(1_000_000);
        }
    }

    public static void main(String[] args) throws Exception {
        Thread initialiser = new Thread(() -> System.out.println("initialiser saw " + Slow.VALUE));
        initialiser.start();
        INIT_STARTED.await();
        HOLDER_READY.countDown();
        long value = Slow.VALUE;
        initialiser.join();
        System.out.println("done value=" + value);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long sum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }
}
