package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.BurstApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The configured policy meets a call at a full queue: one worker, a queue of one, three callers. */
class QueuePolicyIT {

    private static final String APP = "include=io.gil4j.it.app.**,mode=interpreters,workers=1,pool.queue=1";

    private static List<String> run(String policy) throws Exception {
        ForkedProcess.Result result = ForkedJvm.run(
                Path.of(System.getProperty("java.home")), APP + ",pool.policy=" + policy, BurstApp.class.getName());
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdoutLines().stream().sorted().collect(Collectors.toList());
    }

    @Test
    void reject_refuses_the_call_that_finds_the_queue_full_naming_the_keys() throws Exception {
        List<String> lines = run("reject");
        assertEquals("first ran on gil4j-interpreters-0", lines.get(0));
        assertEquals("second ran on gil4j-interpreters-0", lines.get(1));
        assertTrue(lines.get(2).startsWith("third rejected: "), lines.toString());
        assertTrue(
                lines.get(2).contains("gil4j.pool.queue=1") && lines.get(2).contains("gil4j.pool.policy"),
                lines.toString());
    }

    @Test
    void caller_runs_runs_the_call_that_finds_the_queue_full_in_its_caller() throws Exception {
        List<String> lines = run("caller-runs");
        assertEquals(
                List.of("first ran on gil4j-interpreters-0", "second ran on gil4j-interpreters-0", "third ran on main"),
                lines);
    }
}
