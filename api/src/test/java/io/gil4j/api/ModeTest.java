package io.gil4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModeTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void of_reads_back_every_config_name_in_any_case_and_padding(Mode mode) {
        assertEquals(mode, Mode.of(mode.configName()));
        assertEquals(mode, Mode.of(" " + mode.name() + "\t"));
    }

    @Test
    void of_rejects_an_unknown_or_missing_name_naming_the_accepted_ones() {
        assertEquals(
                "unknown mode 'turbo': accepted values are native, gil, sequential, interpreters, processes",
                assertThrows(IllegalArgumentException.class, () -> Mode.of("turbo"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mode.of(null));
    }
}
