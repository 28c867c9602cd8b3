package io.gil4j.demo.convoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.report.OutputFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvoyOptionsTest {

    @Test
    void convoy_defaults_to_native_then_gil_for_3_seconds_as_csv() throws UsageException {
        assertEquals(new ConvoyOptions(List.of("native", "gil"), Duration.ofSeconds(3), OutputFormat.CSV, false),
                ConvoyOptions.parse(List.of()));
    }

    @Test
    void convoy_reads_every_option() throws UsageException {
        assertEquals(new ConvoyOptions(List.of("gil"), Duration.ofMillis(500), OutputFormat.TABLE, false),
                ConvoyOptions.parse(List.of("--modes", "gil", "--duration", "500ms", "--format", "table")));
    }

    @Test
    void convoy_rejects_modes_it_cannot_measure() {
        UsageException e = assertThrows(UsageException.class,
                () -> ConvoyOptions.parse(List.of("--modes", "sequential")));
        assertEquals("convoy: unknown mode 'sequential' in --modes; accepted: native, gil", e.getMessage());
    }

    @Test
    void convoy_rejects_bench_options() {
        UsageException e = assertThrows(UsageException.class, () -> ConvoyOptions.parse(List.of("--tasks", "4")));
        assertEquals("convoy: unknown option --tasks; accepted: --modes, --duration, --format, --help",
                e.getMessage());
    }
}
