package io.gil4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkPatternTest {

    @ParameterizedTest
    @CsvSource({
        "com.acme.Pricing#quote, com.acme.Pricing, quote, true",
        "com.acme.Pricing#quote, com.acme.Pricing, quoteAll, false",
        "com.acme.Pricing#quote, com.acme.Pricing$Inner, quote, false",
        "com.acme.Pricing#*, com.acme.Pricing, anything, true",
        "com.acme.Pricing#*, com.acme.Other, anything, false",
        "com.acme.**#price*, com.acme.deep.sub.Shop, priceOf, true",
        "com.acme.**#price*, com.acme.Shop, price, true",
        "com.acme.**#price*, com.acme.Shop, unitPrice, false",
        "com.acme.**#price*, org.acme.Shop, priceOf, false",
        "com.acme.*#get$x, com.acme.Shop, get$x, true",
    })
    void method_pattern_selects_by_class_glob_and_method_glob(
            String pattern, String type, String method, boolean marked) {
        assertEquals(marked, MarkPattern.of(pattern).matches(type, method));
    }

    @Test
    void method_pattern_names_no_annotation() {
        assertNull(MarkPattern.of("com.acme.Pricing#quote").annotation());
    }

    @Test
    void annotation_pattern_names_the_annotation_and_selects_no_method_by_name() {
        MarkPattern pattern = MarkPattern.of("@com.acme.CpuBound");

        assertEquals("com.acme.CpuBound", pattern.annotation());
        assertFalse(pattern.matches("com.acme.CpuBound", "value"));
    }

    @Test
    void a_pattern_prints_as_it_was_written() {
        assertEquals("com.acme.**#price*", MarkPattern.of("com.acme.**#price*").toString());
        assertEquals("@a.B", MarkPattern.of("@a.B").toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "com.acme.Pricing",
                "#quote",
                "com.acme.Pricing#",
                "com.acme.Pricing#quote#x",
                "com.acme.Pricing#quote()",
                "com.acme.Pri-cing#quote",
                "com.acme.Pricing#a.b",
                "@",
                "@com.acme.Cpu*",
                "@com acme"
            })
    void malformed_patterns_are_rejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> MarkPattern.of(text));
    }
}
