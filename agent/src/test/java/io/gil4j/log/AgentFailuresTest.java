package io.gil4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentFailuresTest {

    @Test
    void each_kind_is_warned_of_once_when_it_first_counts_a_failure() {
        AtomicLong runtime = new AtomicLong();
        AtomicLong transformations = new AtomicLong();
        AgentFailures failures = new AgentFailures(runtime::get, transformations::get);

        List<String> lines = warnings(() -> {
            failures.warnOnce(); // nothing yet
            runtime.set(2);
            failures.warnOnce();
            runtime.set(5);
            transformations.set(1);
            failures.warnOnce();
            failures.warnOnce();
        });

        assertEquals(
                List.of(
                        "[gil4j] 2 runtime failures of the agent so far, kept from the application (the code ran"
                                + " as if uninstrumented); counted in /status failures and gil4j.agent.failures",
                        "[gil4j] 1 transformation failure of the agent so far, kept from the application (the classes run"
                                + " uninstrumented); counted in /status failures and gil4j.agent.failures"),
                lines);
        assertEquals(Map.of("runtime", 5L, "transformation", 1L), failures.counts());
    }

    /** The lines {@code action} wrote to standard error. */
    private static List<String> warnings(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
