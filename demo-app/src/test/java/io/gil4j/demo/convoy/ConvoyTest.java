package io.gil4j.demo.convoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.RecordingModeControl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvoyTest {

    @Test
    void convoy_measures_each_mode_alone_then_beside_a_cpu_thread_and_restores_the_mode() throws Exception {
        RecordingModeControl modes = new RecordingModeControl(true, Mode.NATIVE);
        List<ConvoyRow> rows =
                new Convoy(Duration.ofMillis(100), modes, line -> {}).run(List.of(Mode.GIL, Mode.NATIVE));
        assertEquals(
                List.of(Mode.GIL, Mode.GIL, Mode.NATIVE, Mode.NATIVE),
                rows.stream().map(ConvoyRow::mode).toList());
        assertEquals(
                List.of(0, 1, 0, 1), rows.stream().map(ConvoyRow::cpuThreads).toList());
        assertEquals(List.of(Mode.GIL, Mode.NATIVE, Mode.NATIVE), modes.switches());
        assertTrue(rows.stream().allMatch(r -> r.requestsPerSecond() > 0), rows.toString());
        assertEquals(1.0, rows.get(0).ratio());
        assertEquals(
                rows.get(0).requestsPerSecond() / rows.get(1).requestsPerSecond(),
                rows.get(1).ratio(),
                1e-9);
    }

    @Test
    void convoy_without_the_agent_measures_native_only() throws Exception {
        RecordingModeControl modes = new RecordingModeControl(false, Mode.NATIVE);
        List<ConvoyRow> rows = new Convoy(Duration.ofMillis(50), modes, line -> {}).run(List.of(Mode.NATIVE, Mode.GIL));
        assertEquals(
                List.of(Mode.NATIVE, Mode.NATIVE),
                rows.stream().map(ConvoyRow::mode).toList());
        assertEquals(List.of(), modes.switches());
    }

    @Test
    void convoy_csv_prints_whole_requests_per_second_and_a_2_decimal_ratio() {
        assertEquals(List.of("gil", "1", "98", "305.12"), new ConvoyRow(Mode.GIL, 1, 97.6, 305.123).cells());
    }
}
