package io.gil4j.it.app;

/**
 * Two threads run a recursion of two methods that have no loop, each bumping one unsynchronized counter:
 * {@link #even} calls only {@link #odd} and {@code odd} only {@code even}. One recursion runs for tens of
 * milliseconds, several switch intervals, so a forced switch has to reach a check point inside it (with
 * {@code include=**} too, where the two methods check at entry because they call each other). Prints
 * {@code count=<n> expected=<n>}.
 */
public final class MutualRecursionApp {

    private static final int DEPTH = 30;
    private static final int ROUNDS = 4;
    private static long count;

    public static void main(String[] args) throws Exception {
        even(DEPTH);
        long once = count;
        Thread[] threads = {new Thread(MutualRecursionApp::rounds), new Thread(MutualRecursionApp::rounds)};
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("count=" + count + " expected=" + once * (1 + threads.length * ROUNDS));
    }

    private static void rounds() {
        for (int i = 0; i < ROUNDS; i++) {
            even(DEPTH);
        }
    }

    private static int even(int n) {
        count++;
        return n < 2 ? n : odd(n - 1) + odd(n - 2);
    }

    private static int odd(int n) {
        count++;
        return n < 2 ? n : even(n - 1) + even(n - 2);
    }
}
