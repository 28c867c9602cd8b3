package io.gil4j.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealCodeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return RealCode.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void bad_options_exit_2_with_the_reason_on_standard_error() throws InterruptedException {
        assertEquals(2, run("--task", "json", "--threads", "none"));

        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(
                "realcode: --threads: expected an integer from 1 to 1024, got 'none' (--help for usage)",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void help_prints_the_usage_and_exits_0() throws InterruptedException {
        assertEquals(0, run("--help"));

        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: "));
    }

    @Test
    void list_prints_each_task_with_the_pattern_that_marks_it() throws InterruptedException {
        assertEquals(0, run("--list"));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(Task.values().length, lines.size());
        assertEquals("index,io.gil4j.realcode.tasks.LuceneIndex#run", lines.get(Task.INDEX.ordinal()));
    }

    @Test
    void a_run_prints_one_csv_line_with_the_checksum_of_its_calls() throws InterruptedException {
        assertEquals(0, run("--task", "collections", "--threads", "2", "--tasks", "2", "--rounds", "1"));

        String[] row = out.toString(StandardCharsets.UTF_8).strip().split(",");
        assertEquals(List.of("collections", "2", "2"), List.of(row[0], row[1], row[2]));
        long expected = Task.COLLECTIONS.run(0) * 1_000_003 + Task.COLLECTIONS.run(1);
        assertEquals(Long.toString(expected), row[5]);
    }
}
