package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class InstrumenterTest {

    /** A renamed JDK class would silently stop being preloaded, and the circularity it prevents come back. */
    @Test
    void every_preloaded_class_exists_in_this_jdk() {
        for (String name : Instrumenter.PRELOADED) {
            assertDoesNotThrow(() -> Class.forName(name, false, null), name);
        }
    }
}
