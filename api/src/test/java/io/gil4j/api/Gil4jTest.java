package io.gil4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Gil4jTest {

    @Test
    void without_the_agent_the_mode_is_native_and_switching_does_nothing() {
        assertFalse(Gil4j.isAgentPresent());
        assertEquals(Mode.NATIVE, Gil4j.mode());
        assertFalse(Gil4j.switchMode(Mode.GIL));
    }

    @Test
    void switching_to_no_mode_is_refused_even_without_the_agent() {
        assertThrows(NullPointerException.class, () -> Gil4j.switchMode(null));
    }
}
