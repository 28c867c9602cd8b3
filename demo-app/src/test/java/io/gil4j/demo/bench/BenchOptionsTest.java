package io.gil4j.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.RecordingModeControl;
import io.gil4j.demo.report.OutputFormat;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class BenchOptionsTest {

    private static BenchOptions parse(String... args) {
        return command(args).options();
    }

    private static BenchCommand command(String... args) {
        BenchCommand command = new BenchCommand(new RecordingModeControl(false, Mode.NATIVE));
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static String usageError(String... args) {
        return assertThrows(ParameterException.class, () -> parse(args)).getMessage();
    }

    @Test
    void bench_defaults_to_8_primes_tasks_on_every_processor_best_of_3_in_all_modes_as_a_table() {
        BenchOptions options = parse();
        assertEquals(WorkloadKind.PRIMES, options.workload());
        assertEquals(Size.DEFAULT, options.size());
        assertEquals(8, options.tasks());
        assertEquals(Runtime.getRuntime().availableProcessors(), options.workers());
        assertEquals(3, options.rounds());
        assertEquals(List.of(RowMode.SEQUENTIAL, RowMode.GIL, RowMode.NATIVE), options.modes());
        assertEquals(OutputFormat.TABLE, command().output.format());
    }

    @Test
    void bench_reads_every_option_in_either_form_and_any_case() {
        BenchCommand command = command(
                "--workload",
                "io",
                "--size=small",
                "--tasks",
                "4",
                "--workers",
                "2",
                "--rounds",
                "1",
                "--modes",
                "Native, gil",
                "--format",
                "CSV");
        assertEquals(
                new BenchOptions(WorkloadKind.IO, Size.SMALL, 4, 2, 1, List.of(RowMode.NATIVE, RowMode.GIL)),
                command.options());
        assertEquals(OutputFormat.CSV, command.output.format());
    }

    @Test
    void bench_rejects_an_unknown_mode_listing_the_accepted_ones() {
        assertEquals(
                "Invalid value for option '--modes' (LIST): expected one of sequential, gil, interpreters,"
                        + " processes, native but was 'threads'",
                usageError("--modes", "sequential,threads"));
    }

    @Test
    void bench_rejects_a_mode_given_twice() {
        assertEquals("Invalid value for option '--modes': 'gil' given twice", usageError("--modes", "gil,native,gil"));
    }

    @Test
    void bench_rejects_bad_values_naming_the_option() {
        assertEquals(
                "Invalid value for option '--workload': expected one of primes, stats, hash, io but was 'md5'",
                usageError("--workload", "md5"));
        assertEquals(
                "Invalid value for option '--format': expected one of table, csv but was 'json'",
                usageError("--format", "json"));
        assertEquals(
                "Invalid value for option '--size': expected one of small, default but was 'huge'",
                usageError("--size", "huge"));
        assertEquals(
                "Invalid value for option '--workers': must be a positive integer, got '0'",
                usageError("--workers", "0"));
        assertTrue(usageError("--threads", "2").startsWith("Unknown options: '--threads'"));
        assertTrue(usageError("--tasks", "1", "--tasks", "2").contains("should be specified only once"));
    }

    @Test
    void plan_puts_sequential_first_once_then_the_requested_modes_in_order() {
        assertEquals(
                List.of(RowMode.SEQUENTIAL, RowMode.NATIVE, RowMode.GIL),
                parse("--modes", "native,sequential,gil").plan(true));
        assertEquals(
                List.of(RowMode.SEQUENTIAL, RowMode.GIL),
                parse("--modes", "gil").plan(true));
    }

    @Test
    void plan_without_the_agent_leaves_out_gil_rows() {
        assertEquals(List.of(RowMode.SEQUENTIAL, RowMode.NATIVE), parse().plan(false));
        assertEquals(List.of(RowMode.SEQUENTIAL), parse("--modes", "gil").plan(false));
    }
}
