package io.gil4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.ForkedProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged demo without the agent: it says so on standard error and still runs what it can. */
class NoAgentIT {

    @Test
    void bench_without_the_agent_says_so_and_prints_sequential_and_native_rows() throws Exception {
        ForkedProcess.Result run = DemoJvm.run(null, DemoJvm.SMALL_BENCH_CSV);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("gil4j agent is not attached"), run.toString());
        CsvShape.assertBenchCsv(run.stdoutLines(), List.of("sequential", "native"), 4, 2);
    }

    @Test
    void unknown_mode_exits_2_with_one_line_naming_the_accepted_ones() throws Exception {
        ForkedProcess.Result run = DemoJvm.run(null, "bench", "--modes", "sequential,threads");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.stdout());
        assertEquals(
                List.of("bench: Invalid value for option '--modes' (LIST): expected one of sequential, gil,"
                        + " interpreters, processes, native but was 'threads'"),
                run.stderr().lines().toList());
    }
}
