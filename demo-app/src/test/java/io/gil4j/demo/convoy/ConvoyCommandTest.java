package io.gil4j.demo.convoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.RecordingModeControl;
import io.gil4j.demo.report.OutputFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ConvoyCommandTest {

    private static ConvoyCommand parse(String... args) {
        ConvoyCommand command = new ConvoyCommand(new RecordingModeControl(false, Mode.NATIVE));
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void convoy_defaults_to_native_then_gil_for_3_seconds_as_csv() {
        ConvoyCommand command = parse();
        assertEquals(List.of(Mode.NATIVE, Mode.GIL), command.modes());
        assertEquals(Duration.ofSeconds(3), command.duration);
        assertEquals(OutputFormat.CSV, command.output.format());
    }

    @Test
    void convoy_reads_every_option() {
        ConvoyCommand command = parse("--modes", "gil", "--duration", "500ms", "--format", "table");
        assertEquals(List.of(Mode.GIL), command.modes());
        assertEquals(Duration.ofMillis(500), command.duration);
        assertEquals(OutputFormat.TABLE, command.output.format());
    }

    @Test
    void convoy_rejects_modes_it_cannot_measure() {
        ParameterException e = assertThrows(ParameterException.class, () -> parse("--modes", "sequential"));
        assertEquals(
                "Invalid value for option '--modes' (LIST): expected one of native, gil but was 'sequential'",
                e.getMessage());
    }

    @Test
    void convoy_rejects_bench_options_and_bad_durations() {
        assertTrue(assertThrows(ParameterException.class, () -> parse("--tasks", "4"))
                .getMessage()
                .startsWith("Unknown options: '--tasks'"));
        assertEquals(
                "Invalid value for option '--duration': must be a positive duration such as 3s, 1.5s or"
                        + " 500ms, got '-1s'",
                assertThrows(ParameterException.class, () -> parse("--duration=-1s"))
                        .getMessage());
    }
}
