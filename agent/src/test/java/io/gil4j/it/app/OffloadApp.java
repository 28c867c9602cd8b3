package io.gil4j.it.app;

import io.gil4j.api.Offload;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls marked methods in whatever mode the agent argument sets and prints, one line each, what the caller
 * saw: where the call ran, its value, its exception. The tests compare the lines across modes.
 */
public final class OffloadApp {

    private OffloadApp() {}

    /** Marked by annotation. */
    static final class Work implements Serializable {
        private static final long serialVersionUID = 1L;
        private static int calls; // one per class loader, as module globals are one per interpreter

        private final int base;

        Work(int base) {
            this.base = base;
        }

        @Offload
        static String where() {
            return Thread.currentThread().getName();
        }

        @Offload
        int plus(int n) {
            return base + n;
        }

        @Offload
        static void fail(String message) {
            throw new IllegalStateException(message);
        }

        @Offload
        static long fib(int n) {
            return n < 2 ? n : fib(n - 1) + fib(n - 2);
        }

        @Offload
        static CompletableFuture<String> later(String value) {
            return CompletableFuture.supplyAsync(() -> value + "!");
        }

        @Offload
        static int countCall() {
            return ++calls;
        }

        @Offload
        static int weigh(Parcel parcel) {
            return parcel.grams;
        }
    }

    /** Not serializable: it cannot be copied to another class loader or process. */
    static final class Parcel {
        final int grams;

        Parcel(int grams) {
            this.grams = grams;
        }
    }

    /** Marked by the configuration ({@code offload=io.gil4j.it.app.OffloadApp$Pricing#quote}). */
    static final class Pricing {
        static String quote(int amount) {
            return Thread.currentThread().getName() + ":" + amount * 2;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("where=" + Work.where());
        System.out.println("plus=" + new Work(40).plus(2));
        try {
            Work.fail("boom");
            System.out.println("fail=returned");
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause();
            System.out.println("fail=" + e.getClass().getSimpleName() + ":" + e.getMessage() + " cause="
                    + (cause == null ? "none" : cause.getClass().getSimpleName())
                    + " callerFrame=" + e.getStackTrace()[e.getStackTrace().length - 1].getMethodName());
        }
        System.out.println("fib=" + Work.fib(20));
        System.out.println("later=" + Work.later("soon").get(10, TimeUnit.SECONDS));
        System.out.println("quote=" + Pricing.quote(21));
        for (int i = 0; i < 20; i++) {
            Work.countCall();
        }
        System.out.println("callerCount=" + Work.calls); // the caller's own copy of the static field
        try {
            System.out.println("weigh=" + Work.weigh(new Parcel(7)));
        } catch (RuntimeException e) {
            System.out.println("weigh=" + e.getClass().getSimpleName() + ":" + e.getMessage());
        }
    }
}
