package io.gil4j.it.app;

/** One unsynchronized counter, added to through a call in a loop, so that its loop has a check point. */
final class SharedCounter {

    private static long count;

    private SharedCounter() {}

    static void increment(int times) {
        for (int i = 0; i < times; i++) {
            count = plusOne(count);
        }
    }

    static long count() {
        return count;
    }

    private static long plusOne(long value) {
        return value + 1;
    }
}
