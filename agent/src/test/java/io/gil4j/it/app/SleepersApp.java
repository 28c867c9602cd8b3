package io.gil4j.it.app;

import java.util.ArrayList;
import java.util.List;

/** Four threads sleep 300 ms each inside instrumented code; prints the elapsed wall time in ms. */
public final class SleepersApp {

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            Class.forName("io.gil4j.bootstrap.Control", false, null)
                    .getMethod("switchMode", String.class).invoke(null, args[0]);
        }
        long start = System.nanoTime();
        List<Thread> sleepers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread sleeper = new Thread(SleepersApp::nap);
            sleepers.add(sleeper);
            sleeper.start();
        }
        for (Thread sleeper : sleepers) {
            sleeper.join();
        }
        System.out.println("elapsedMs=" + (System.nanoTime() - start) / 1_000_000);
    }

    private static void nap() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
