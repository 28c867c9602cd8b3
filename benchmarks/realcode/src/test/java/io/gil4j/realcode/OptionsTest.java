package io.gil4j.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

    @Test
    void parse_reads_every_option() {
        Options options = Options.parse("--task", "index", "--threads", "4", "--tasks", "16", "--rounds", "5");

        assertEquals(new Options(Options.Action.RUN, Task.INDEX, 4, 16, 5), options);
    }

    @Test
    void parse_defaults_to_one_thread_eight_tasks_three_rounds() {
        assertEquals(new Options(Options.Action.RUN, Task.JSON, 1, 8, 3), Options.parse("--task", "json"));
    }

    @Test
    void parse_names_every_known_task_when_the_task_is_unknown() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--task", "yaml"));

        assertTrue(e.getMessage().contains("'yaml'"), e.getMessage());
        assertTrue(e.getMessage().contains("json, hash, compress, template, index, collections"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "1025", ""})
    void parse_rejects_a_thread_count_outside_1_to_1024(String threads) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Options.parse("--task", "hash", "--threads", threads));

        assertEquals("--threads: expected an integer from 1 to 1024, got '" + threads + "'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tasks", "--rounds"})
    void parse_rejects_a_count_below_one(String option) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--task", "hash", option, "0"));

        assertTrue(e.getMessage().startsWith(option + ": expected an integer from 1"), e.getMessage());
    }

    @Test
    void parse_rejects_an_option_without_its_value() {
        assertEquals(
                "--rounds: missing value",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--task", "hash", "--rounds"))
                        .getMessage());
        assertEquals(
                "--task: missing value",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--task", "--threads", "2"))
                        .getMessage());
    }

    @Test
    void parse_rejects_an_unknown_option() {
        assertEquals(
                "unknown option '--workers'",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--task", "hash", "--workers", "2"))
                        .getMessage());
    }

    @Test
    void parse_requires_a_task() {
        assertEquals(
                "--task is required",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--threads", "2"))
                        .getMessage());
    }

    @Test
    void parse_answers_help_and_list_without_a_task() {
        assertEquals(
                Options.Action.HELP, Options.parse("--threads", "2", "--help").action());
        assertEquals(Options.Action.LIST, Options.parse("--list").action());
    }
}
