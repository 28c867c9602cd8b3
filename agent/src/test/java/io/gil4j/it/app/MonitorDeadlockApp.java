package io.gil4j.it.app;

import java.util.concurrent.CountDownLatch;

/**
 * A monitor the instrumentation does not wrap: B holds {@code MONITOR} and sleeps (lock released); main,
 * holding the interpreter lock, blocks entering {@code MONITOR}; B wakes and needs the interpreter lock to
 * leave. Only the watchdog breaks this; prints {@code done}.
 */
public final class MonitorDeadlockApp {

    private static final Object MONITOR = new Object();
    private static final CountDownLatch B_HOLDS_MONITOR = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        Thread b = new Thread(MonitorDeadlockApp::holdMonitorWhileSleeping);
        b.start();
        B_HOLDS_MONITOR.await();
        synchronized (MONITOR) {
            System.out.println("main entered the monitor");
        }
        b.join();
        System.out.println("done");
    }

    private static void holdMonitorWhileSleeping() {
        synchronized (MONITOR) {
            B_HOLDS_MONITOR.countDown();
            try {
                Thread.sleep(100); // the behaviour under test: a monitor held across a blocking call
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            spin(1_000);
        }
    }

    private static long spin(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }
}
