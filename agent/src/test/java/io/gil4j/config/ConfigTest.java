package io.gil4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.gil.Algorithm;
import io.gil4j.mode.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void defaults_are_native_every_class_5ms_new_gil() {
        Config config = Config.defaults();
        assertEquals(Mode.NATIVE, config.mode());
        assertTrue(config.include().isEmpty());
        assertEquals(5_000_000, config.switchIntervalNanos());
        assertEquals(Algorithm.NEW, config.algorithm());
        assertEquals(100, config.checkInterval());
    }

    @Test
    void agent_argument_wins_over_property_which_wins_over_environment() throws Exception {
        Map<String, String> env = Map.of("GIL4J_MODE", "gil", "GIL4J_SWITCH_INTERVAL", "1ms", "GIL4J_GIL", "legacy");
        Map<String, String> props = Map.of("gil4j.mode", "native", "gil4j.switch-interval", "2ms");
        Config config = Config.load("switch-interval=3ms", props, env);
        assertEquals(3_000_000, config.switchIntervalNanos());
        assertEquals(Mode.NATIVE, config.mode());
        assertEquals(Algorithm.LEGACY, config.algorithm());
    }

    @Test
    void agent_argument_value_lists_continue_until_the_next_key() throws Exception {
        Config config = Config.load("include=com.a.**,com.b.*;mode=gil,exclude=com.a.Gen*", Map.of(), Map.of());
        assertEquals("[com.a.**, com.b.*]", config.include().toString());
        assertEquals("[com.a.Gen*]", config.exclude().toString());
        assertEquals(Mode.GIL, config.mode());
    }

    @ParameterizedTest
    @CsvSource({"1us,1000", "500us,500000", "500µs,500000", "5ms,5000000", "2s,2000000000", "1500ns,1500"})
    void switch_interval_accepts_durations_with_units(String text, long nanos) throws Exception {
        assertEquals(nanos, Config.load("switch-interval=" + text, Map.of(), Map.of()).switchIntervalNanos());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode=turbo|gil4j.mode=turbo|native, gil",
        "switch-interval=5|gil4j.switch-interval=5|at least 1us",
        "switch-interval=999ns|gil4j.switch-interval=999ns|at least 1us",
        "gil=old|gil4j.gil=old|new, legacy",
        "check-interval=0|gil4j.check-interval=0|from 1 to 1000000",
        "include=com.a.b-c|gil4j.include=com.a.b-c|class globs",
    })
    void bad_value_message_names_key_value_and_accepted_values(String argument, String named, String accepted) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(argument, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains(named) && e.getMessage().contains(accepted), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknown_keys_are_rejected_from_every_source_with_the_accepted_keys() {
        for (Runnable load : new Runnable[] {
            () -> load("modus=gil", Map.of(), Map.of()),
            () -> load(null, Map.of("gil4j.modus", "gil"), Map.of()),
            () -> load(null, Map.of(), Map.of("GIL4J_MODUS", "gil")),
        }) {
            AssertionError e = assertThrows(AssertionError.class, load::run);
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("modus")
                    && e.getMessage().contains("switch-interval"), e.getMessage());
        }
    }

    @Test
    void argument_segment_without_key_is_rejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load("gil", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("'gil' is not key=value"), e.getMessage());
    }

    @Test
    void unrelated_properties_and_variables_are_ignored() throws Exception {
        Config config = Config.load(null, Map.of("java.home", "/x", "gil4jx", "y"), Map.of("PATH", "/bin"));
        assertEquals(Mode.NATIVE, config.mode());
    }

    private static void load(String argument, Map<String, String> props, Map<String, String> env) {
        try {
            Config.load(argument, props, env);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
        throw new AssertionError("accepted");
    }
}
