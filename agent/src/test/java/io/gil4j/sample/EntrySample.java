package io.gil4j.sample;

import java.util.function.IntSupplier;

/**
 * Classes in a package that the agent's own never-instrumented prefixes do not cover, so that a selection of
 * every class takes them in as it would a library's.
 */
public final class EntrySample {

    private EntrySample() {}

    /** A library type: selected, so its methods are entered only by selected code. */
    public abstract static class LibraryBase {
        protected abstract int template(int n);
    }

    @SuppressWarnings("unused")
    public static final class Entered extends LibraryBase implements Runnable, Comparable<Entered> {
        @Override
        public void run() {
            helper();
        }

        @Override
        public int compareTo(Entered other) {
            return helper() - other.helper();
        }

        @Override
        public String toString() {
            return "entered" + helper();
        }

        @Override
        protected int template(int n) {
            return helper() + n;
        }

        int helper() {
            return recursive(1) + 1;
        }

        int twice() {
            return recursive(2);
        }

        int recursive(int n) {
            return n == 0 ? 0 : recursive(n - 1) + helperOfStatic();
        }

        IntSupplier supplier() {
            return this::twice;
        }

        static int helperOfStatic() {
            return Integer.parseInt("1");
        }

        public static void main(String[] args) {
            new Entered().run();
        }
    }
}
