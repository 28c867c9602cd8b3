package io.gil4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void stop_runs_the_shutdown_hooks_and_kills_what_the_jvm_started(@TempDir Path temp) throws Exception {
        Path hookFile = temp.resolve("hook");
        try (ForkedProcess parent =
                ForkedProcess.start(java(ParkingParent.class.getName(), hookFile.toString()), Map.of())) {
            ProcessHandle child = childOf(parent);
            parent.stop(TIMEOUT);
            assertFalse(parent.isAlive());
            assertEquals("hook ran", Files.readString(hookFile));
            assertFalse(child.isAlive(), "the JVM's own child");
        }
    }

    @Test
    void close_kills_the_jvm_and_what_it_started(@TempDir Path temp) throws Exception {
        ForkedProcess parent = ForkedProcess.start(
                java(ParkingParent.class.getName(), temp.resolve("hook").toString()), Map.of());
        ProcessHandle child;
        try {
            child = childOf(parent);
        } finally {
            parent.close();
        }
        assertFalse(parent.isAlive());
        assertFalse(child.isAlive(), "the JVM's own child");
    }

    /** The {@link ParkForever} that a {@link ParkingParent} started, once it said so. */
    private static ProcessHandle childOf(ForkedProcess parent) throws Exception {
        String line = Eventually.awaitValue(
                "the parent's child",
                TIMEOUT,
                Duration.ofMillis(20),
                () -> parent.stdout()
                        .lines()
                        .filter(l -> l.startsWith("child "))
                        .findFirst(),
                parent::toString);
        return ProcessHandle.of(Long.parseLong(line.substring("child ".length())))
                .orElseThrow();
    }

    @Test
    void jcmd_runs_a_diagnostic_command_against_the_jvm() throws Exception {
        try (ForkedProcess running = ForkedProcess.start(java(ParkForever.class.getName()), Map.of())) {
            ForkedProcess.Result version = running.jcmd("VM.version");
            assertEquals(0, version.exitCode(), version.toString());
            assertTrue(version.stdout().startsWith(running.pid() + ":"), version.toString());
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
