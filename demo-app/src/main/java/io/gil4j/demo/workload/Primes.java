package io.gil4j.demo.workload;

import io.gil4j.api.Offload;
import java.io.Serializable;

/**
 * Counts the primes below {@code n} by trial division: exactly the algorithm of {@code count_primes} in
 * {@code shared/tools/cpython_ref.py}, so figures compare with CPython's. Every task counts below the same
 * {@code n}, as the reference does.
 */
public final class Primes implements Workload, Serializable {

    private static final long serialVersionUID = 1L;

    /** The default bound: one task takes about 0.2 s in plain Java on the reference machine. */
    static final int DEFAULT_N = 1_500_000;
    /** The bound for {@link Size#SMALL}. */
    static final int SMALL_N = 20_000;
    /** Above this {@code j * j} could overflow before the inner loop ends. */
    private static final int MAX_N = 2_000_000_000;

    private final int n;

    /**
     * A workload whose tasks count the primes below {@code n}.
     *
     * @throws IllegalArgumentException if {@code n} is negative or so large that {@code j * j} overflows
     */
    public Primes(int n) {
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("n must be in [0, " + MAX_N + "], got " + n);
        }
        this.n = n;
    }

    static Workload ofSize(Size size) {
        return new Primes(size == Size.SMALL ? SMALL_N : DEFAULT_N);
    }

    @Override
    public String name() {
        return "primes";
    }

    @Offload
    @Override
    public Object runTask(int taskIndex) {
        return countPrimes(n);
    }

    /**
     * The number of primes in {@code [2, n)}; the loops stay loops so that the agent's check points sit on
     * their back-edges, as CPython's sit on {@code JUMP_BACKWARD}.
     */
    public static int countPrimes(int n) {
        int c = 0;
        for (int i = 2; i < n; i++) {
            boolean p = true;
            for (int j = 2; j * j <= i; j++) {
                if (i % j == 0) {
                    p = false;
                    break;
                }
            }
            if (p) {
                c++;
            }
        }
        return c;
    }
}
