package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OwnCallsTest {

    @SuppressWarnings("unused")
    static final class Calls {
        int self(int n) {
            return n == 0 ? 0 : self(n - 1);
        }

        int even(int n) {
            return n == 0 ? 0 : odd(n - 1);
        }

        int odd(int n) {
            return n == 0 ? 1 : thirdOfCycle(n - 1);
        }

        int thirdOfCycle(int n) {
            return even(n);
        }

        int chain() {
            return leaf() + self(3);
        }

        int leaf() {
            return 1;
        }

        IntSupplier lambda() {
            return () -> leaf();
        }

        IntSupplier reference() {
            return this::referenced;
        }

        int referenced() {
            return 2;
        }

        String foreignReference() {
            return Stream.of(1).map(String::valueOf).findFirst().orElse("");
        }
    }

    private final OwnCalls calls = OwnCalls.of(ClassFiles.of(Calls.class));

    @Test
    void methods_that_reach_themselves_through_own_calls_are_cyclic_and_their_callers_outside_the_cycle_are_not() {
        Set<String> cyclic = new TreeSet<>();
        for (String method : new String[] {
            "self(I)I", "even(I)I", "odd(I)I", "thirdOfCycle(I)I", "chain()I", "leaf()I", "referenced()I"
        }) {
            if (calls.isCyclic(method)) {
                cyclic.add(method);
            }
        }
        assertEquals(Set.of("self(I)I", "even(I)I", "odd(I)I", "thirdOfCycle(I)I"), cyclic);
    }

    @Test
    void lambda_bodies_and_own_method_references_are_handle_targets_and_called_methods_are_not() {
        assertTrue(calls.isHandleTarget("referenced()I"));
        assertEquals(
                1,
                Stream.of(Calls.class.getDeclaredMethods())
                        .filter(m -> m.getName().startsWith("lambda$"))
                        .filter(m -> calls.isHandleTarget(m.getName() + "()I"))
                        .count());
        assertFalse(calls.isHandleTarget("leaf()I"));
        assertFalse(calls.isHandleTarget("valueOf(Ljava/lang/Object;)Ljava/lang/String;"));
    }
}
