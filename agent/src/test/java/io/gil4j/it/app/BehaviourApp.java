package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints a fixed transcript of application behaviour — results, exceptions, recursion, threads, mode —
 * that must be the same with the agent, without it, and with every hook failing.
 */
public final class BehaviourApp {

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.out.println("switched=" + Gil4j.switchMode(Mode.of(args[0])));
        }
        System.out.println("fib=" + fib(25));
        try {
            fail("boom");
        } catch (IllegalStateException e) {
            System.out.println("caught=" + e.getMessage() + " at " + e.getStackTrace()[0].getMethodName());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        long total = 0;
        Future<?>[] futures = new Future<?>[6];
        for (int i = 0; i < futures.length; i++) {
            int n = i;
            futures[i] = pool.submit(() -> fib(15 + n));
        }
        for (Future<?> future : futures) {
            total += (Integer) future.get();
        }
        pool.shutdown();
        System.out.println("total=" + total);
        // a name no Mode spells, through the bootstrap door the API uses: the agent rejects it, nothing more
        Class<?> control = Class.forName("io.gil4j.bootstrap.Control", false, null);
        try {
            control.getMethod("switchMode", String.class).invoke(null, "turbo");
        } catch (InvocationTargetException e) {
            System.out.println("rejected=" + e.getCause().getMessage());
        }
        Class<?> hooks = Class.forName("io.gil4j.bootstrap.Hooks", false, null);
        System.err.println("hook-failures=" + hooks.getMethod("failures").invoke(null));
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
