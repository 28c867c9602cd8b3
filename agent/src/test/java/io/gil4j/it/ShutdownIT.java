package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.ShutdownApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM whose marked calls are still running and queued when its main thread ends drains them at exit,
 * within the bound: the running call finishes, and the JVM exits.
 */
class ShutdownIT {

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "interpreters", "processes"})
    void jvm_exits_within_the_bound_with_marked_calls_in_flight(String mode) throws Exception {
        long start = System.nanoTime();
        ForkedJvm.Result result = ForkedJvm.run(Path.of(System.getProperty("java.home")), Map.of(),
                Duration.ofSeconds(30), "include=io.gil4j.it.app.**,workers=1,mode=" + mode,
                ShutdownApp.class.getName());
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("main returns", result.stdoutLines().get(0), result.toString());
        long finished = result.stdoutLines().stream().filter("slow done"::equals).count();
        assertTrue(finished >= 1, "shutdown must let the running call finish\n" + result);
        assertTrue(result.agentLines().isEmpty(), result.toString());
        assertTrue(seconds < 10, "took " + seconds + " s to exit\n" + result);
    }
}
