package io.gil4j.crossing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.process.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllowListTest {

    private static final AllowList NONE = AllowList.of(List.of());

    @Test
    void built_in_values_collections_and_jdk_exceptions_are_allowed_without_globs() {
        for (Object value : List.of(
                1,
                'c',
                2.5,
                "s",
                new BigDecimal("1.5"),
                LocalDate.of(2026, 1, 1),
                ZoneId.of("Europe/Paris"),
                new ArrayList<>(),
                List.of(1, 2),
                Map.of("k", 1),
                Collections.unmodifiableList(new ArrayList<>()),
                Collections.emptySet(),
                List.of(1, 2).toArray(),
                new int[2][2],
                new Integer[1],
                TimeUnit.SECONDS,
                new IllegalStateException())) {
            assertTrue(NONE.allows(value.getClass()), value.getClass().getName());
        }
        assertTrue(NONE.allows(NotShareableException.class));
    }

    @Test
    void other_classes_are_refused_without_globs() {
        for (Class<?> type : List.of(
                PriorityQueue.class,
                Thread.class,
                Fixtures.Counter.class,
                Fixtures.Counter[].class,
                Class.class,
                java.lang.reflect.Proxy.class)) {
            assertFalse(NONE.allows(type), type.getName());
        }
    }

    @Test
    void single_star_matches_within_one_segment_of_a_name() {
        assertTrue(AllowList.of(List.of("io.gil4j.process.*")).allows(Fixtures.Counter.class));
        assertTrue(AllowList.of(List.of("io.gil4j.process.Fixtures$C*")).allows(Fixtures.Counter.class));
        assertFalse(AllowList.of(List.of("io.gil4j.*")).allows(Fixtures.Counter.class));
    }

    @Test
    void double_star_matches_across_segments_and_exact_names_match_only_themselves() {
        assertTrue(AllowList.of(List.of("io.**")).allows(Fixtures.Counter.class));
        assertTrue(AllowList.of(List.of("io.gil4j.process.Fixtures$Counter")).allows(Fixtures.Counter[].class));
        assertFalse(AllowList.of(List.of("io.gil4j.process.Fixtures")).allows(Fixtures.Counter.class));
    }

    @Test
    void malformed_globs_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> AllowList.of(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> AllowList.of(List.of("com.acme.(.*)")));
    }

    @Test
    void encoded_globs_parse_back_to_the_same_list() {
        AllowList list = AllowList.of(List.of("com.acme.**", "org.x.Y$*"));

        assertEquals(list.globs(), AllowList.parse(list.encode()).globs());
        assertEquals(List.of(), AllowList.parse("").globs());
    }
}
