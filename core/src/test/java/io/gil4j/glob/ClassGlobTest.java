package io.gil4j.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassGlobTest {

    @ParameterizedTest
    @CsvSource({
        "com.acme.*, com.acme.Pricing, true",
        "com.acme.*, com.acme.Pricing$Quote, true",
        "com.acme.*, com.acme.sub.Pricing, false",
        "com.acme.**, com.acme.sub.deep.Pricing, true",
        "com.acme.**, com.acmex.Pricing, false",
        "com.acme.*Service, com.acme.PricingService, true",
        "com.acme.*Service, com.acme.PricingServiceImpl, false",
        "**, anything.At.All, true",
    })
    void star_stays_in_a_package_and_double_star_crosses_packages(String glob, String name, boolean matches) {
        assertEquals(matches, ClassGlob.of(glob).matches(name));
    }

    @ParameterizedTest
    @CsvSource({"''", "com.acme/Foo", "com acme", "com.a-b"})
    void globs_with_characters_no_class_name_has_are_rejected(String glob) {
        assertThrows(IllegalArgumentException.class, () -> ClassGlob.of(glob));
    }
}
