package io.gil4j.crossing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.process.Fixtures;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final ClassLoader LOADER = SnapshotTest.class.getClassLoader();

    @Test
    void immutable_jdk_values_cross_as_they_are() {
        for (Object value : new Object[] {null, "text", 42, 7L, 'c', true, 1.5d, new BigDecimal("2.50")}) {
            assertSame(value, Snapshot.of(value, "to a test").copyFor(LOADER));
        }
    }

    @Test
    void an_object_array_of_immutable_values_is_cloned_not_serialized() {
        Object[] values = {"a", 1, null};

        Object copy = Snapshot.of(values, "to a test").copyFor(LOADER);

        assertNotSame(values, copy);
        assertArrayEquals(values, (Object[]) copy);
        assertSame(values[0], ((Object[]) copy)[0]);
    }

    @Test
    void a_mutable_value_is_copied_as_it_was_when_taken() {
        List<StringBuilder> value = new ArrayList<>(List.of(new StringBuilder("before")));
        Snapshot snapshot = Snapshot.of(value, "to a test");
        value.get(0).append(" after");

        List<?> first = (List<?>) snapshot.copyFor(LOADER);
        List<?> second = (List<?>) snapshot.copyFor(LOADER);

        assertEquals("before", first.get(0).toString());
        assertNotSame(first, second);
    }

    @Test
    void references_shared_within_a_value_stay_shared_in_the_copy() {
        StringBuilder shared = new StringBuilder("x");

        Object[] copy = (Object[])
                Snapshot.of(new Object[] {shared, shared}, "to a test").copyFor(LOADER);

        assertNotSame(shared, copy[0]);
        assertSame(copy[0], copy[1]);
    }

    @Test
    void classes_of_the_copy_are_resolved_with_the_given_loader() throws Exception {
        URL testClasses =
                SnapshotTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader other = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
            Object copy = Snapshot.of(new Fixtures.Counter(3), "to a test").copyFor(other);

            assertEquals(Fixtures.Counter.class.getName(), copy.getClass().getName());
            assertSame(other, copy.getClass().getClassLoader());
            Object back = Snapshot.of(copy, "back from a test").copyFor(LOADER);
            assertEquals(6, ((Fixtures.Counter) back).scaled(2));
        }
    }

    @Test
    void a_value_that_is_not_serializable_fails_when_taken_naming_its_type() {
        Object[] value = {"fine", new Fixtures.Opaque()};

        NotShareableException e = assertThrows(NotShareableException.class, () -> Snapshot.of(value, "to a test"));

        assertEquals(Fixtures.Opaque.class.getName(), e.offendingType());
        assertTrue(
                e.getMessage().startsWith("cannot pass " + Fixtures.Opaque.class.getName() + " to a test: "),
                e.getMessage());
    }

    @Test
    void a_class_the_loader_cannot_see_fails_the_copy_naming_it() {
        Snapshot snapshot = Snapshot.of(new Fixtures.Counter(1), "to a test");

        NotShareableException e =
                assertThrows(NotShareableException.class, () -> snapshot.copyFor(ClassLoader.getPlatformClassLoader()));

        assertEquals(Fixtures.Counter.class.getName(), e.offendingType());
    }
}
