package io.gil4j.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gil4j.api.Mode;
import io.gil4j.stats.HistogramSnapshot;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Marked calls as the recorder sees them: series by function, mode and error type, CPU, async ends. */
class MarkedWorkTest {

    private Mode current = Mode.GIL;
    private final MarkedWork work = new MarkedWork(() -> current);

    @Test
    void a_call_is_counted_under_its_function_the_mode_of_its_route_and_no_error() {
        work.ended(String.class, "length()I", "interpreters", 2_000, 0, 5, null, false);
        work.ended(String.class, "length()I", null, 3_000, 700, 5, null, false);

        Map<MarkedWork.Series, HistogramSnapshot> durations = work.durations();
        assertEquals(
                1,
                durations
                        .get(new MarkedWork.Series("java.lang.String.length", Mode.INTERPRETERS, null))
                        .count());
        HistogramSnapshot inline = durations.get(new MarkedWork.Series("java.lang.String.length", Mode.GIL, null));
        assertEquals(1, inline.count(), "run in the caller: the mode current at its end");
        assertEquals(3_000, inline.sumNanos());
        assertEquals(700, work.inlineCpuNanos(Mode.GIL));
        assertEquals(0, work.inlineCpuNanos(Mode.INTERPRETERS));
        assertEquals(2, work.completed());
    }

    @Test
    void a_nested_call_is_timed_under_its_function_but_not_counted_as_work_done() {
        work.ended(String.class, "trim()Ljava/lang/String;", null, 1_000, 400, "x", null, true);
        work.ended(String.class, "strip()Ljava/lang/String;", null, 3_000, 900, "x", null, false);

        assertEquals(1, work.completed(), "a pool runs the nested call unmeasured: only the outer one counts");
        assertEquals(
                1,
                work.durations()
                        .get(new MarkedWork.Series("java.lang.String.trim", Mode.GIL, null))
                        .count());
        assertEquals(
                Map.of("java.lang.String.trim", 400L, "java.lang.String.strip", 900L), work.inlineCpuNanosByFunction());
    }

    @Test
    void a_call_that_threw_is_counted_under_its_error_type() {
        work.ended(String.class, "trim()Ljava/lang/String;", null, 1, 0, null, new IllegalStateException(), false);
        MarkedWork.Series series = work.durations().keySet().iterator().next();
        assertEquals("java.lang.IllegalStateException", series.errorType());
    }

    @Test
    void an_async_call_ends_when_its_stage_completes_with_the_stages_outcome() {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        work.ended(String.class, "f()Ljava/util/concurrent/CompletableFuture;", null, 1, 0, stage, null, false);
        assertEquals(0, work.completed(), "not ended before the stage completes");
        current = Mode.NATIVE;
        stage.completeExceptionally(new IllegalArgumentException());
        assertEquals(1, work.completed());
        MarkedWork.Series series = work.durations().keySet().iterator().next();
        assertEquals(Mode.GIL, series.mode(), "the mode of the call's return, not of its stage's completion");
        assertEquals("java.lang.IllegalArgumentException", series.errorType());
    }

    @Test
    void series_past_the_limit_fold_into_one_overflow_series() {
        for (int i = 0; i < MarkedWork.MAX_SERIES + 10; i++) {
            work.ended(String.class, "m" + i + "()V", null, 1, 0, null, null, false);
        }
        Map<MarkedWork.Series, HistogramSnapshot> durations = work.durations();
        assertEquals(MarkedWork.MAX_SERIES + 1, durations.size());
        HistogramSnapshot overflow = durations.get(new MarkedWork.Series(MarkedWork.OVERFLOW, Mode.GIL, null));
        assertEquals(10, overflow.count());
        assertNull(durations.get(new MarkedWork.Series("java.lang.String.m2009", Mode.GIL, null)));
    }
}
