package io.gil4j.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldProfileTest {

    @Test
    void counts_a_method_once_per_stack_inclusive_and_self_only_on_top() {
        HoldProfile profile = new HoldProfile(16, 16);
        profile.stack(List.of("A#leaf", "A#mid", "A#root"), 2);
        profile.stack(List.of("A#mid", "A#root"), 0);
        profile.stack(List.of("A#fib", "A#fib", "A#fib", "A#root"), 1); // recursion counts once

        List<HoldProfile.MethodShare> top = profile.top(10);
        assertEquals(new HoldProfile.MethodShare("A#root", 3, 0, 3, 0), top.get(0));
        assertEquals(new HoldProfile.MethodShare("A#mid", 2, 1, 2, 0), top.get(1));
        assertEquals(new HoldProfile.MethodShare("A#fib", 1, 1, 1, 0), top.get(2));
        assertEquals(new HoldProfile.MethodShare("A#leaf", 1, 1, 2, 0), top.get(3));
        assertEquals(3, profile.stacks());
    }

    @Test
    void ticks_count_held_ones_and_the_waiters_behind_them() {
        HoldProfile profile = new HoldProfile(4, 4);
        profile.tick(true, 3);
        profile.tick(false, 0);
        profile.tick(true, 1);

        assertEquals(3, profile.ticks());
        assertEquals(2, profile.held());
        assertEquals(4, profile.waiting());
    }

    @Test
    void stays_within_its_capacity_over_a_hundred_thousand_methods_and_keeps_the_heavy_ones() {
        HoldProfile profile = new HoldProfile(1_024, 6_000);
        for (int i = 0; i < 100_000; i++) {
            profile.stack(List.of("Rare#m" + i, "Hot#serve"), 0);
            if (i % 10 == 0) {
                profile.stack(List.of("Warm#price", "Hot#serve"), 0);
            }
        }

        assertEquals(1_024, profile.size());
        List<HoldProfile.MethodShare> top = profile.top(2);
        assertEquals("Hot#serve", top.get(0).method());
        assertEquals(110_000, top.get(0).inclusive());
        assertEquals("Warm#price", top.get(1).method());
        assertEquals(10_000, top.get(1).inclusive() - top.get(1).error(), 0);
    }

    @Test
    void the_share_of_methods_together_counts_a_stack_holding_both_once() {
        HoldProfile profile = new HoldProfile(16, 4);
        profile.stack(List.of("A#inner", "A#outer"), 0);
        profile.stack(List.of("A#outer"), 0);
        profile.stack(List.of("B#other"), 0);
        profile.stack(List.of("C#glue"), 0);

        assertEquals(0.5, profile.unionShare(Set.of("A#inner", "A#outer")), 1e-9);
        assertEquals(0.75, profile.unionShare(Set.of("A#outer", "B#other")), 1e-9);
    }

    @Test
    void the_share_together_looks_at_the_most_recent_stacks_only() {
        HoldProfile profile = new HoldProfile(16, 2);
        profile.stack(List.of("Old#m"), 0);
        profile.stack(List.of("New#m"), 0);
        profile.stack(List.of("New#m"), 0);

        assertEquals(0, profile.unionShare(Set.of("Old#m")), 1e-9);
        assertEquals(1, profile.unionShare(Set.of("New#m")), 1e-9);
    }

    @Test
    void reset_forgets_everything() {
        HoldProfile profile = new HoldProfile(16, 4);
        profile.tick(true, 1);
        profile.stack(List.of("A#m"), 1);
        profile.reset();

        assertEquals(0, profile.ticks());
        assertEquals(0, profile.stacks());
        assertTrue(profile.top(5).isEmpty());
        assertEquals(0, profile.unionShare(Set.of("A#m")), 1e-9);
    }
}
