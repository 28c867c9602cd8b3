package io.gil4j.it.app;

/**
 * The shape of much older Java code: a bounded queue guarded by {@code synchronized} with
 * {@code wait}/{@code notifyAll}, one producer and one consumer. Arguments: items, then rounds; prints
 * {@code best=<seconds> sum=<sum of the items consumed>} for the fastest round.
 */
public final class BoundedQueueApp {

    private static final int CAPACITY = 16;

    private final long[] items = new long[CAPACITY];
    private int head;
    private int size;

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        double best = Double.MAX_VALUE;
        long sum = 0;
        for (int round = 0; round < rounds; round++) {
            BoundedQueueApp queue = new BoundedQueueApp();
            long[] consumed = new long[1];
            Thread consumer = new Thread(() -> consumed[0] = queue.consume(count));
            long start = System.nanoTime();
            consumer.start();
            queue.produce(count);
            consumer.join();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            sum = consumed[0];
        }
        System.out.println("best=" + best + " sum=" + sum);
    }

    private void produce(int count) throws InterruptedException {
        for (int i = 1; i <= count; i++) {
            put(i);
        }
    }

    private long consume(int count) {
        long sum = 0;
        try {
            for (int i = 0; i < count; i++) {
                sum += take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sum;
    }

    private synchronized void put(long item) throws InterruptedException {
        while (size == CAPACITY) {
            wait();
        }
        items[(head + size) % CAPACITY] = item;
        size++;
        notifyAll();
    }

    private synchronized long take() throws InterruptedException {
        while (size == 0) {
            wait();
        }
        long item = items[head];
        head = (head + 1) % CAPACITY;
        size--;
        notifyAll();
        return item;
    }
}
