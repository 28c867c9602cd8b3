package io.gil4j.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.RecordingModeControl;
import io.gil4j.demo.workload.Primes;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.Workload;
import io.gil4j.demo.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTest {

    private static BenchOptions options(int rounds, RowMode... modes) {
        return new BenchOptions(WorkloadKind.PRIMES, Size.SMALL, 4, 2, rounds, List.of(modes));
    }

    @Test
    void bench_runs_sequential_first_then_each_mode_and_restores_the_mode_it_found() throws Exception {
        RecordingModeControl modes = new RecordingModeControl(true, Mode.GIL);
        List<String> progress = new ArrayList<>();
        List<BenchRow> rows =
                new Bench(options(2, RowMode.GIL, RowMode.NATIVE), modes, progress::add).run(new Primes(2000));
        assertEquals(
                List.of("sequential", "gil", "native"),
                rows.stream().map(BenchRow::mode).toList());
        assertEquals(List.of(1, 2, 2), rows.stream().map(BenchRow::workers).toList());
        assertEquals(List.of(Mode.NATIVE, Mode.GIL, Mode.NATIVE, Mode.GIL), modes.switches());
        assertEquals(1.0, rows.get(0).speedup());
        assertTrue(rows.stream().allMatch(r -> r.seconds() > 0 && r.speedup() > 0 && r.tasks() == 4));
        assertEquals(6, progress.size());
        assertTrue(progress.get(3).matches("\\[gil] round 2/2 \\.\\.\\. \\d+\\.\\d\\d s"), progress.get(3));
    }

    @Test
    void bench_without_the_agent_switches_nothing_and_skips_gil_rows() throws Exception {
        RecordingModeControl modes = new RecordingModeControl(false, Mode.NATIVE);
        List<BenchRow> rows = new Bench(options(1, RowMode.SEQUENTIAL, RowMode.GIL, RowMode.NATIVE), modes, line -> {})
                .run(new Primes(2000));
        assertEquals(
                List.of("sequential", "native"),
                rows.stream().map(BenchRow::mode).toList());
        assertEquals(List.of(), modes.switches());
    }

    @Test
    void bench_reports_a_task_whose_pooled_result_differs_from_its_sequential_one_and_still_restores_the_mode() {
        RecordingModeControl modes = new RecordingModeControl(true, Mode.GIL);
        Workload byThread =
                new NamedWorkload(i -> Thread.currentThread().getName().startsWith("bench-") ? -i : i);
        ResultMismatchException e = assertThrows(
                ResultMismatchException.class,
                () -> new Bench(options(1, RowMode.NATIVE), modes, line -> {}).run(byThread));
        assertEquals("native row, round 1: task 1 returned -1 but sequentially it returned 1", e.getMessage());
        assertEquals(Mode.GIL, modes.mode());
    }

    @Test
    void bench_reports_the_first_failing_task_and_still_restores_the_mode() {
        RecordingModeControl modes = new RecordingModeControl(true, Mode.GIL);
        Workload failing = new NamedWorkload(i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            return i;
        });
        TaskFailedException e = assertThrows(
                TaskFailedException.class, () -> new Bench(options(1, RowMode.GIL), modes, line -> {}).run(failing));
        assertEquals(2, e.taskIndex());
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(Mode.GIL, modes.mode());
    }

    /** A workload whose task {@code i} returns {@code body(i)}. */
    private record NamedWorkload(java.util.function.IntFunction<Object> body) implements Workload {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public Object runTask(int taskIndex) {
            return body.apply(taskIndex);
        }
    }
}
