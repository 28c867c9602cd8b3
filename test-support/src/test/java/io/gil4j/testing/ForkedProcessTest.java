package io.gil4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForkedProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static List<String> java(String... args) {
        List<String> command =
                new ArrayList<>(List.of(ForkedProcess.currentJava(), "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void run_returns_the_exit_status_and_both_outputs() throws Exception {
        ForkedProcess.Result result =
                ForkedProcess.run(List.of(ForkedProcess.currentJava(), "-version"), Map.of(), TIMEOUT);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("version"), result.toString());
        assertEquals(List.of(), result.agentLines());
    }

    @Test
    void a_jvm_running_at_the_deadline_is_dumped_then_killed_and_fails_the_test() throws Exception {
        try (ForkedProcess hung = ForkedProcess.start(java(ParkForever.class.getName()), Map.of())) {
            Eventually.awaitValue(
                    "the child's first line",
                    TIMEOUT,
                    Duration.ofMillis(20),
                    () -> hung.stdout().contains("parking") ? Optional.of(true) : Optional.empty(),
                    hung::toString);
            AssertionError failure = assertThrows(AssertionError.class, () -> hung.awaitExit(Duration.ofMillis(1)));
            assertTrue(failure.getMessage().contains("ParkForever.main"), failure.getMessage());
            assertFalse(hung.isAlive());
        }
    }

    @Test
    void agent_lines_leave_out_the_routine_notes() {
        ForkedProcess.Result result = new ForkedProcess.Result(
                0, "", "[gil4j] started: gil\n[gil4j] lock code in: 3\n" + "[gil4j] bad option\nOpenJDK warning\n");
        assertEquals(List.of("[gil4j] bad option"), result.agentLines());
        assertEquals("[gil4j] started: gil", result.startLine());
    }
}
