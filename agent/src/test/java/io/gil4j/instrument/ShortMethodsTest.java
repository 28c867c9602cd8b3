package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ShortMethodsTest {

    @SuppressWarnings("unused")
    static final class Shapes {
        private int value;

        int getter() {
            return value;
        }

        int branchy(int x) {
            return x > 0 ? x * 2 : -x;
        }

        int loops(int n) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += i;
            }
            return sum;
        }

        int calls() {
            return getter() + 1;
        }

        int rotates(int x) {
            return Integer.rotateLeft(x, 7) ^ Math.abs(x);
        }

        String formats(int x) {
            return String.valueOf(x);
        }

        Runnable lambda() {
            return () -> {};
        }

        int switchesForward(int x) {
            switch (x) {
                case 1:
                    return 10;
                case 2:
                    return 20;
                default:
                    return 0;
            }
        }
    }

    @Test
    void methods_without_loops_that_call_nothing_but_bounded_jdk_functions_are_short_and_the_rest_are_not() {
        Set<String> found = new TreeSet<>(ShortMethods.of(ClassFiles.of(Shapes.class)));
        found.removeIf(m -> m.startsWith("lambda$")); // the empty lambda's body is short too, as it should be
        // the constructor calls only Object's
        assertEquals(Set.of("<init>()V", "getter()I", "branchy(I)I", "rotates(I)I", "switchesForward(I)I"), found);
    }
}
