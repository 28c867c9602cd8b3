package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LockPlanTest {

    private static final String SHAPES = Shapes.class.getName().replace('.', '/');

    @SuppressWarnings("unused")
    static final class Shapes {
        private int value;
        private int[] values = new int[8];

        int getter() {
            return value;
        }

        int branchy(int x) {
            return x > 0 ? x * 2 : -x;
        }

        int sums(int n) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += i;
            }
            return sum;
        }

        int callsInALoop(int n) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += getter();
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

        String concatenates(int x) {
            return "x=" + calls() + x;
        }

        int switchesForward(int x) {
            switch (x) {
                case 1: return 10;
                case 2: return 20;
                default: return 0;
            }
        }

        int recurses(int n) {
            return n < 2 ? n : recurses(n - 1) + recurses(n - 2);
        }

        boolean isEven(int n) {
            return n == 0 || isOdd(n - 1);
        }

        boolean isOdd(int n) {
            return n != 0 && isEven(n - 1);
        }

        int[] sorts(int[] a) {
            java.util.Arrays.sort(a);
            return a;
        }

        int copies() {
            return values.clone().length + calls();
        }
    }

    private static Set<String> found(Predicate<String> selected, boolean covered) {
        LockPlan plan = LockPlan.of(ClassFiles.of(Shapes.class), selected);
        Set<String> methods = new TreeSet<>();
        for (String m : Set.of("<init>()V", "getter()I", "branchy(I)I", "sums(I)I", "callsInALoop(I)I", "calls()I",
                "rotates(I)I", "formats(I)Ljava/lang/String;", "lambda()Ljava/lang/Runnable;",
                "concatenates(I)Ljava/lang/String;", "switchesForward(I)I", "recurses(I)I", "isEven(I)Z",
                "isOdd(I)Z", "copies()I", "sorts([I)[I")) {
            boolean shortMethod = !plan.locks(m);
            if (covered ? !shortMethod && !plan.checksEntry(m) : shortMethod) {
                methods.add(m);
            }
        }
        return methods;
    }

    @Test
    void methods_without_loops_that_call_nothing_but_bounded_jdk_functions_get_no_lock_code() {
        assertEquals(Set.of("<init>()V", "getter()I", "branchy(I)I", "rotates(I)I", "switchesForward(I)I"),
                found(SHAPES::equals, false));
    }

    @Test
    void methods_whose_loops_and_calls_all_check_soon_get_no_entry_check_point() {
        assertEquals(Set.of("callsInALoop(I)I", "calls()I", "lambda()Ljava/lang/Runnable;",
                "concatenates(I)Ljava/lang/String;", "formats(I)Ljava/lang/String;", "copies()I"),
                found(SHAPES::equals, true));
    }

    @Test
    void a_call_to_an_unselected_class_keeps_the_entry_check_point_unless_its_arguments_bound_it() {
        assertEquals(Set.of("lambda()Ljava/lang/Runnable;", "formats(I)Ljava/lang/String;"),
                found(owner -> false, true));
    }
}
