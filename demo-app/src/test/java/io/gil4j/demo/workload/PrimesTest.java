package io.gil4j.demo.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrimesTest {

    @Test
    void primes_counts_25_below_100() {
        assertEquals(25, Primes.countPrimes(100));
    }

    @Test
    void primes_counts_6057_below_60000_as_cpython_ref_does() {
        assertEquals(6057, Primes.countPrimes(60_000));
    }

    @Test
    void primes_counts_none_below_2_and_one_below_3() {
        assertEquals(0, Primes.countPrimes(0));
        assertEquals(0, Primes.countPrimes(2));
        assertEquals(1, Primes.countPrimes(3));
    }

    @Test
    void primes_counts_2262_below_the_small_bound() {
        assertEquals(2262, new Primes(Primes.SMALL_N).runTask(5));
    }

    @Test
    void primes_every_task_counts_below_the_same_bound() {
        Primes primes = new Primes(1000);
        assertEquals(168, primes.runTask(0));
        assertEquals(168, primes.runTask(7));
    }

    @Test
    void primes_rejects_a_bound_that_could_overflow_or_is_negative() {
        assertThrows(IllegalArgumentException.class, () -> new Primes(-1));
        assertThrows(IllegalArgumentException.class, () -> new Primes(Integer.MAX_VALUE));
    }
}
