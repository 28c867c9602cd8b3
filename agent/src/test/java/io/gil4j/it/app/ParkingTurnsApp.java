package io.gil4j.it.app;

import java.util.concurrent.Phaser;

/**
 * Two threads take turns through a {@link Phaser}, which parks inside the JDK, where no call-site stand-in
 * reaches: each turn runs a little instrumented code, then waits for the other thread's turn. Prints the
 * elapsed wall time in ms. Under {@code gil}, a thread that kept the lock while parked would make every
 * turn of the other thread wait for the watchdog.
 */
public final class ParkingTurnsApp {

    private static final int TURNS = 40;

    public static void main(String[] args) throws Exception {
        Phaser turns = new Phaser(2);
        long start = System.nanoTime();
        Thread first = new Thread(() -> takeTurns(turns));
        Thread second = new Thread(() -> takeTurns(turns));
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("elapsedMs=" + (System.nanoTime() - start) / 1_000_000);
    }

    private static void takeTurns(Phaser turns) {
        long sum = 0;
        for (int turn = 0; turn < TURNS; turn++) {
            sum += step(turn);
            turns.arriveAndAwaitAdvance();
        }
        if (sum == 42) {
            System.out.println("unlikely");
        }
    }

    private static long step(int turn) {
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += i ^ turn;
        }
        return sum;
    }
}
