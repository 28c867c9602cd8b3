package io.gil4j.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static final List<String> OPTIONS = List.of("tasks", "modes", "duration", "color");
    private static final Map<String, String> COLORS = Args.labelled(c -> c, "red", "green", "blue");

    private static Args parse(String... args) throws UsageException {
        return Args.parse("demo", OPTIONS, List.of(args));
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> {
            Args parsed = parse(args);
            parsed.positiveInt("tasks", 1);
            parsed.choice("color", "red", COLORS);
            parsed.choices("modes", "mode", List.of("red"), COLORS);
            parsed.duration("duration", Duration.ofSeconds(1));
        }).getMessage();
    }

    @Test
    void args_reads_separate_and_joined_values() throws UsageException {
        Args args = parse("--tasks", "4", "--color=blue");
        assertEquals(4, args.positiveInt("tasks", 1));
        assertEquals("blue", args.choice("color", "red", COLORS));
        assertFalse(args.help());
    }

    @Test
    void args_returns_defaults_for_absent_options() throws UsageException {
        Args args = parse();
        assertEquals(8, args.positiveInt("tasks", 8));
        assertEquals("red", args.choice("color", "red", COLORS));
        assertEquals(List.of("green"), args.choices("modes", "mode", List.of("green"), COLORS));
        assertEquals(Duration.ofSeconds(3), args.duration("duration", Duration.ofSeconds(3)));
    }

    @Test
    void args_recognises_help_anywhere() throws UsageException {
        assertTrue(parse("--tasks", "2", "--help").help());
        assertTrue(parse("-h").help());
    }

    @Test
    void args_rejects_an_unknown_option_listing_the_accepted_ones() {
        assertEquals("demo: unknown option --bogus; accepted: --tasks, --modes, --duration, --color, --help",
                usageError("--bogus", "1"));
    }

    @Test
    void args_rejects_repeated_valueless_and_positional_arguments() {
        assertEquals("demo: option --tasks given twice", usageError("--tasks", "1", "--tasks", "2"));
        assertEquals("demo: option --tasks needs a value", usageError("--tasks"));
        assertEquals("demo: option --tasks needs a value", usageError("--tasks", "--color", "red"));
        assertTrue(usageError("stray").startsWith("demo: unexpected argument 'stray'"));
    }

    @Test
    void args_rejects_integers_that_are_not_positive() {
        for (String bad : List.of("0", "-3", "x", "1.5", "")) {
            assertEquals("demo: --tasks must be a positive integer, got '" + bad + "'", usageError("--tasks", bad));
        }
    }

    @Test
    void args_matches_choices_without_regard_to_case_and_rejects_unknown_ones() throws UsageException {
        assertEquals("green", parse("--color", "GREEN").choice("color", "red", COLORS));
        assertEquals("demo: unknown value 'pink' in --color; accepted: red, green, blue",
                usageError("--color", "pink"));
    }

    @Test
    void args_reads_comma_lists_in_order_and_rejects_unknown_repeated_or_empty_elements() throws UsageException {
        assertEquals(List.of("blue", "red"), parse("--modes", "blue, red").choices("modes", "mode", List.of(), COLORS));
        assertEquals("demo: unknown mode 'pink' in --modes; accepted: red, green, blue",
                usageError("--modes", "red,pink"));
        assertEquals("demo: mode 'red' given twice in --modes", usageError("--modes", "red,red"));
        assertEquals("demo: unknown mode '' in --modes; accepted: red, green, blue", usageError("--modes", "red,"));
    }

    @Test
    void args_reads_durations_in_seconds_or_milliseconds() throws UsageException {
        Duration none = Duration.ZERO;
        assertEquals(Duration.ofSeconds(3), parse("--duration", "3").duration("duration", none));
        assertEquals(Duration.ofMillis(1500), parse("--duration", "1.5s").duration("duration", none));
        assertEquals(Duration.ofMillis(250), parse("--duration", "250ms").duration("duration", none));
    }

    @Test
    void args_rejects_durations_that_are_not_positive_or_malformed() {
        for (String bad : List.of("0", "-1s", "s", "ms", "3m", "abc", "NaN", "Infinity")) {
            assertTrue(usageError("--duration=" + bad).startsWith("demo: --duration must be a positive duration"),
                    bad);
        }
    }
}
