package io.gil4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged demo under the real agent: the CSV's shape, not its timings. Skipped while the agent jar
 * has not been built.
 */
class BenchIT {

    @Test
    void bench_under_the_agent_prints_sequential_gil_and_native_rows_as_csv() throws Exception {
        Path agent = DemoJvm.agentJarOrSkip();
        ForkedProcess.Result run = DemoJvm.run(agent, DemoJvm.SMALL_BENCH_CSV);
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.stderr().contains("not attached"), run.toString());
        CsvShape.assertBenchCsv(run.stdoutLines(), List.of("sequential", "gil", "native"), 4, 2);
    }

    @Test
    void convoy_under_the_agent_prints_native_and_gil_rows_as_csv() throws Exception {
        Path agent = DemoJvm.agentJarOrSkip();
        ForkedProcess.Result run = DemoJvm.run(agent, "convoy", "--duration", "300ms");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.stdoutLines();
        assertEquals("mode,cpu_threads,requests_per_second,ratio", lines.get(0), run.toString());
        assertEquals(5, lines.size(), run.toString());
        String[] expected = {"native,0,", "native,1,", "gil,0,", "gil,1,"};
        for (int i = 0; i < expected.length; i++) {
            String line = lines.get(i + 1);
            assertTrue(
                    line.startsWith(expected[i]) && line.matches("[a-z]+,[01],\\d+,\\d+\\.\\d{2}"),
                    "row " + (i + 1) + ": " + run);
        }
    }
}
