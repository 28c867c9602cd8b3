package io.gil4j.it.app;

/**
 * A plugin's work, loaded by {@link PluginLoaderApp}'s own class loader: adds {@code times} to the shared
 * counter through a call in a loop, and prints the counter when given a negative number.
 */
public final class CountingPlugin implements java.util.function.IntConsumer {

    @Override
    public void accept(int times) {
        if (times < 0) {
            System.out.println("count=" + SharedCounter.count());
        } else {
            SharedCounter.increment(times);
        }
    }
}
