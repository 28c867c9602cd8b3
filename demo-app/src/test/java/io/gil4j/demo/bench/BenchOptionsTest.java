package io.gil4j.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.report.OutputFormat;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions parse(String... args) throws UsageException {
        return BenchOptions.parse(List.of(args));
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void bench_defaults_to_8_primes_tasks_on_every_processor_best_of_3_in_all_modes_as_a_table()
            throws UsageException {
        BenchOptions options = parse();
        assertEquals(WorkloadKind.PRIMES, options.workload());
        assertEquals(Size.DEFAULT, options.size());
        assertEquals(8, options.tasks());
        assertEquals(Runtime.getRuntime().availableProcessors(), options.workers());
        assertEquals(3, options.rounds());
        assertEquals(List.of(RowMode.SEQUENTIAL, RowMode.GIL, RowMode.NATIVE), options.modes());
        assertEquals(OutputFormat.TABLE, options.format());
        assertFalse(options.help());
    }

    @Test
    void bench_reads_every_option() throws UsageException {
        BenchOptions options = parse("--workload", "io", "--size", "small", "--tasks", "4", "--workers", "2",
                "--rounds", "1", "--modes", "native,gil", "--format", "csv", "--help");
        assertEquals(new BenchOptions(WorkloadKind.IO, Size.SMALL, 4, 2, 1, List.of(RowMode.NATIVE, RowMode.GIL),
                OutputFormat.CSV, true), options);
    }

    @Test
    void bench_rejects_an_unknown_mode_listing_the_accepted_ones() {
        assertEquals("bench: unknown mode 'threads' in --modes; accepted: sequential, gil, interpreters,"
                + " processes, native", usageError("--modes", "sequential,threads"));
    }

    @Test
    void bench_rejects_bad_values_naming_the_option() {
        assertEquals("bench: unknown value 'md5' in --workload; accepted: primes, stats, hash, io",
                usageError("--workload", "md5"));
        assertEquals("bench: unknown value 'json' in --format; accepted: table, csv", usageError("--format", "json"));
        assertEquals("bench: unknown value 'huge' in --size; accepted: small, default", usageError("--size", "huge"));
        assertEquals("bench: --workers must be a positive integer, got '0'", usageError("--workers", "0"));
        assertTrue(usageError("--threads", "2").startsWith("bench: unknown option --threads; accepted: --workload"));
    }

    @Test
    void plan_puts_sequential_first_once_then_the_requested_modes_in_order() throws UsageException {
        assertEquals(List.of(RowMode.SEQUENTIAL, RowMode.NATIVE, RowMode.GIL),
                parse("--modes", "native,sequential,gil").plan(true));
        assertEquals(List.of(RowMode.SEQUENTIAL, RowMode.GIL), parse("--modes", "gil").plan(true));
    }

    @Test
    void plan_without_the_agent_leaves_out_gil_rows() throws UsageException {
        assertEquals(List.of(RowMode.SEQUENTIAL, RowMode.NATIVE), parse().plan(false));
        assertEquals(List.of(RowMode.SEQUENTIAL), parse("--modes", "gil").plan(false));
    }
}
