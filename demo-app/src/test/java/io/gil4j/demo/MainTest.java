package io.gil4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknown_command_exits_2_naming_it_and_the_accepted_ones() {
        assertEquals(2, run("frobnicate"));
        assertEquals(
                "gil4j-demo: Unmatched argument at index 0: 'frobnicate'; commands: bench, convoy, serve, load,"
                        + " help, generate-completion\n",
                err());
        assertEquals("", out());
    }

    @Test
    void no_command_exits_2_listing_the_commands() {
        assertEquals(2, run());
        assertEquals(
                "gil4j-demo: Missing required subcommand; commands: bench, convoy, serve, load, help,"
                        + " generate-completion\n",
                err());
        assertEquals("", out());
    }

    @Test
    void help_prints_the_usage_on_stdout() {
        assertEquals(0, run("help"));
        assertTrue(out().contains("bench") && out().contains("convoy") && out().contains("generate-completion"));
        assertEquals(0, run("bench", "--help"));
        assertTrue(out().contains("--workload=KIND"), out());
        assertEquals(0, run("help", "load"));
        assertTrue(out().contains("--url=URL"), out());
        assertEquals("", err());
    }

    @Test
    void bad_bench_option_exits_2_with_one_line() {
        assertEquals(2, run("bench", "--modes", "sequential,forks"));
        assertEquals(
                "bench: Invalid value for option '--modes' (LIST): expected one of sequential, gil, interpreters,"
                        + " processes, native but was 'forks'\n",
                err());
        assertEquals("", out());
    }

    @Test
    void unknown_option_exits_2_listing_the_commands_options() {
        assertEquals(2, run("convoy", "--tasks", "4"));
        assertEquals(
                "convoy: Unknown options: '--tasks', '4'; options: --modes, --duration, --format, --help,"
                        + " --version\n",
                err());
    }

    @Test
    void generate_completion_prints_a_bash_script_for_every_command() {
        assertEquals(0, run("generate-completion"));
        assertTrue(out().contains("complete -F _complete_gil4j-demo") && out().contains("--workload"), out());
    }

    @Test
    void bench_in_csv_writes_only_csv_on_stdout() {
        assertEquals(
                0,
                run("bench", "--size", "small", "--tasks", "3", "--workers", "2", "--rounds", "1", "--format", "csv"));
        String[] lines = out().split("\n");
        assertEquals("mode,workers,tasks,seconds,speedup", lines[0]);
        assertEquals(3, lines.length, out());
        assertTrue(lines[1].matches("sequential,1,3,\\d+\\.\\d{3},1\\.00"), lines[1]);
        assertTrue(lines[2].matches("native,2,3,\\d+\\.\\d{3},\\d+\\.\\d{2}"), lines[2]);
        assertTrue(err().contains("agent is not attached"), err());
        assertTrue(err().contains("[native] round 1/1"), err());
    }

    @Test
    void bench_table_is_aligned_on_stdout() {
        assertEquals(
                0,
                run(
                        "bench",
                        "--workload",
                        "hash",
                        "--size",
                        "small",
                        "--tasks",
                        "2",
                        "--rounds",
                        "1",
                        "--modes",
                        "native"));
        String[] lines = out().split("\n");
        assertTrue(lines[0].startsWith("mode        workers  tasks  seconds  speedup"), out());
        assertEquals(lines[0].length(), lines[1].length(), out());
    }

    @Test
    void convoy_prints_csv_rows_for_0_and_1_cpu_threads() {
        assertEquals(0, run("convoy", "--duration", "50ms"));
        String[] lines = out().split("\n");
        assertEquals("mode,cpu_threads,requests_per_second,ratio", lines[0]);
        assertTrue(lines[1].matches("native,0,\\d+,1\\.00"), lines[1]);
        assertTrue(lines[2].matches("native,1,\\d+,\\d+\\.\\d{2}"), lines[2]);
        assertEquals(3, lines.length);
    }
}
