package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.GracefulShutdownApp;
import io.gil4j.it.app.ShutdownApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JVM exit with marked calls running and queued behaves as without the agent: calls of daemon callers hold
 * nothing; calls of other callers are drained within {@code shutdown.drain}, all routes at once.
 */
class ShutdownIT {

    static Stream<Arguments> jdksAndModes() {
        return ForkedJvm.jdks()
                .flatMap(jdk ->
                        Stream.of("sequential", "interpreters", "processes").map(mode -> Arguments.of(jdk, mode)));
    }

    @ParameterizedTest
    @MethodSource("jdksAndModes")
    void calls_of_daemon_callers_do_not_hold_the_jvm_at_exit(Path jdk, String mode) throws Exception {
        Exit exit = run(jdk, "", "daemon", 10_000, mode);
        assertTrue(exit.millis() < 2_000, "exit took " + exit.millis() + " ms after main returned\n" + exit.result());
        assertTrue(!exit.result().stdout().contains("slow done"), exit.result().toString());
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void calls_of_other_callers_finish_at_exit_within_the_drain(Path jdk) throws Exception {
        Exit exit = run(jdk, "", "user", 1_000, "interpreters");
        assertTrue(exit.result().stdout().contains("slow done"), "the running call finishes\n" + exit.result());
        assertTrue(exit.millis() < 5_000, "exit took " + exit.millis() + " ms\n" + exit.result());
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void the_drain_is_bounded_by_shutdown_drain(Path jdk) throws Exception {
        Exit exit = run(jdk, "shutdown.drain=1s,", "user", 30_000, "interpreters");
        assertTrue(exit.millis() < 3_000, "exit took " + exit.millis() + " ms with a 1 s drain\n" + exit.result());
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void routes_are_drained_in_parallel(Path jdk) throws Exception {
        Exit exit = run(jdk, "", "user", 30_000, "sequential,interpreters,processes");
        assertTrue(
                exit.millis() < 8_000,
                "exit took " + exit.millis() + " ms with three routes busy and the" + " default drain of 5 s\n"
                        + exit.result());
    }

    @ParameterizedTest
    @MethodSource("jdksAndModes")
    void a_graceful_shutdown_hook_sees_the_queued_calls_of_daemon_callers_finish(Path jdk, String mode)
            throws Exception {
        ForkedProcess.Result result = ForkedJvm.run(
                jdk,
                Map.of(),
                Duration.ofSeconds(60),
                "include=io.gil4j.it.app.**,workers=1",
                GracefulShutdownApp.class.getName(),
                mode);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(
                List.of("caller-0 done", "caller-1 done"),
                result.stdoutLines().stream()
                        .filter(l -> l.startsWith("caller-"))
                        .sorted()
                        .toList(),
                "the call queued at exit was not failed: " + result);
    }

    private record Exit(long millis, ForkedProcess.Result result) {}

    private static Exit run(Path jdk, String options, String callers, long sleepMillis, String modes) throws Exception {
        ForkedProcess.Result result = ForkedJvm.run(
                jdk,
                Map.of(),
                Duration.ofSeconds(60),
                options + "include=io.gil4j.it.app.**,workers=1",
                ShutdownApp.class.getName(),
                callers,
                Long.toString(sleepMillis),
                modes);
        long ended = System.currentTimeMillis();
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.agentLines().isEmpty(), result.toString());
        String exiting = result.stdoutLines().stream()
                .filter(l -> l.startsWith("exiting "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the app did not reach its end\n" + result));
        return new Exit(ended - Long.parseLong(exiting.substring("exiting ".length())), result);
    }
}
