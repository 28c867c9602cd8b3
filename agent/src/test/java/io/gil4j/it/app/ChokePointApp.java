package io.gil4j.it.app;

import io.gil4j.it.lib.LibraryBlocks;
import io.gil4j.it.lib.LibraryBlocks.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * A holder of the lock blocks at one of the JDK's choke points, called from a library outside the selection;
 * a taker that never held the lock then enters instrumented code. Prints how long the taker took to get in,
 * and the count of an unsynchronized counter that both then add to from instrumented code (the holder only
 * after its block ends), against the expected count. Arguments: the {@link Block}, and {@code platform} or
 * {@code virtual}; prints {@code no virtual threads} where the JDK has none.
 */
public final class ChokePointApp {

    private static final int ADDS = 2_000_000;

    public static void main(String[] args) throws Exception {
        Block block = Block.valueOf(args[0]);
        ThreadFactory threads = LibraryBlocks.threads(args[1].equals("virtual"));
        if (threads == null) {
            System.out.println("no virtual threads");
            return;
        }
        CountDownLatch unblocked = new CountDownLatch(1);
        Thread holder = threads.newThread(() -> {
            SharedCounter.increment(1); // takes the lock, and keeps it into the library
            try {
                LibraryBlocks.block(block);
            } catch (InterruptedException expected) {
                unblocked.countDown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            SharedCounter.increment(ADDS); // must take the lock back first
        });
        long[] nanos = new long[1];
        Thread taker = threads.newThread(LibraryBlocks.timedEntry(holder, () -> System.nanoTime(), nanos, () -> {
            try {
                LibraryBlocks.unblock(holder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SharedCounter.increment(ADDS);
        }));
        holder.start();
        taker.start();
        taker.join();
        holder.join();
        System.out.printf(
                "enteredMs=%.3f unblocked=%b count=%d expected=%d%n",
                nanos[0] / 1e6, unblocked.getCount() == 0, SharedCounter.count(), 2L * ADDS + 1);
    }
}
