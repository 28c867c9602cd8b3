package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Offload;
import io.gil4j.config.MarkPattern;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

class MarkedMethodsTest {

    /** An annotation of the application's own, named in {@code gil4j.offload}. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface CpuBound {}

    static class Annotated {
        @Offload
        static long byOffload() {
            return 1;
        }

        @CpuBound
        long byOwnAnnotation() {
            return 2;
        }

        long unmarked() {
            return 3;
        }
    }

    static class Shop {
        Shop() {}

        long priceOf(int item) {
            return item;
        }

        long priceAll() {
            return 0;
        }

        long stock() {
            return 0;
        }
    }

    abstract static class Abstract {
        @Offload
        abstract long price();

        abstract long priceOf(int item);
    }

    private static final String SHOP = Shop.class.getName();

    private static List<String> marked(MarkedMethods marks, Class<?> type) {
        return TypeDescription.ForLoadedType.of(type).getDeclaredMethods().filter(marks).stream()
                .map(MethodDescription::getName)
                .sorted()
                .collect(Collectors.toList());
    }

    private static MarkedMethods marks(String... patterns) {
        return new MarkedMethods(
                java.util.Arrays.stream(patterns).map(MarkPattern::of).collect(Collectors.toList()));
    }

    @Test
    void offload_annotation_always_marks() {
        assertEquals(List.of("byOffload"), marked(marks(), Annotated.class));
    }

    @Test
    void an_annotation_named_in_the_configuration_marks() {
        assertEquals(
                List.of("byOffload", "byOwnAnnotation"),
                marked(marks("@" + CpuBound.class.getName()), Annotated.class));
    }

    @Test
    void method_patterns_mark_by_class_and_method_name() {
        assertEquals(List.of("priceOf"), marked(marks(SHOP + "#priceOf"), Shop.class));
        assertEquals(List.of("priceAll", "priceOf"), marked(marks("io.gil4j.**#price*"), Shop.class));
        assertEquals(List.of("priceAll", "priceOf", "stock"), marked(marks(SHOP + "#*"), Shop.class));
        assertEquals(List.of(), marked(marks("com.acme.**#price*"), Shop.class));
    }

    @Test
    void constructors_are_never_marked() {
        MethodDescription constructor = TypeDescription.ForLoadedType.of(Shop.class)
                .getDeclaredMethods()
                .filter(MethodDescription::isConstructor)
                .getOnly();

        assertFalse(marks(SHOP + "#*").matches(constructor));
    }

    @Test
    void abstract_methods_are_never_marked_by_annotation_or_pattern() {
        assertEquals(List.of(), marked(marks(Abstract.class.getName() + "#*"), Abstract.class));
    }

    @Test
    void a_type_with_a_marked_method_is_reported_and_one_without_is_not() {
        MarkedMethods marks = marks(SHOP + "#stock");

        assertTrue(marks.anyIn(TypeDescription.ForLoadedType.of(Shop.class)));
        assertTrue(marks.anyIn(TypeDescription.ForLoadedType.of(Annotated.class)));
        assertFalse(marks.anyIn(TypeDescription.ForLoadedType.of(Abstract.class)));
        assertFalse(marks.anyIn(TypeDescription.ForLoadedType.of(CpuBound.class)));
    }

    @Test
    void a_class_file_may_mark_when_a_pattern_names_its_class_or_it_mentions_a_marking_annotation() {
        assertTrue(marks().mayMarkLoaded(Annotated.class));
        assertTrue(marks(SHOP + "#stock").mayMarkLoaded(Shop.class));
        assertFalse(marks().mayMarkLoaded(Shop.class));
        assertFalse(marks("com.acme.**#price*").mayMarkLoaded(Shop.class));
        assertTrue(marks("@" + CpuBound.class.getName()).mayMark("x.Y", ClassFiles.of(Annotated.class)));
        assertFalse(marks().mayMark("x.Y", ClassFiles.of(Shop.class)));
    }
}
