package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.AttachApp;
import io.gil4j.it.app.CountingPlugin;
import io.gil4j.it.app.PluginLoaderApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Attaching by PID: the CLI's exit code and message are the target's verdict, and a losing attach changes nothing. */
class AttachIT {

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void the_cli_reports_the_targets_verdict_the_api_sees_a_later_agent_and_a_second_attach_changes_nothing(Path jdk)
            throws Exception {
        ForkedProcess.Result run = ForkedJvm.run(
                jdk,
                Map.of(),
                Duration.ofSeconds(90),
                null,
                AttachApp.class.getName(),
                ForkedJvm.AGENT_JAR.toAbsolutePath().toString());
        assertEquals(0, run.exitCode(), run.toString());
        String out = run.stdout();
        assertTrue(out.contains("before: present=false mode=native"), run.toString());
        assertTrue(
                line(run, "unknown key: ")
                        .matches("exit 1: .*unknown configuration key gil4j.switch-intervall=5ms"
                                + ".*accepted keys are mode, .*"),
                run.toString());
        assertTrue(line(run, "bad value: ").matches("exit 1: .*mode=turbo.*native.*gil.*"), run.toString());
        assertEquals("exit 0: ", line(run, "first attach: ").replaceAll("WARNING.*", ""), run.toString());
        assertTrue(
                out.contains("after: present=true mode=gil"),
                "the API finds the agent attached after it loaded: " + run);
        assertTrue(line(run, "second attach: ").matches("exit 1: .*already installed.*"), run.toString());
        assertTrue(
                out.contains("count=2000000 expected=2000000 mode=gil"),
                "the first agent's lock still serialises after the losing attach: " + run);
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void a_class_a_plugin_loader_defined_before_the_attach_runs_under_the_lock_after_it(Path jdk) throws Exception {
        ForkedProcess.Result run = ForkedJvm.run(
                jdk,
                Map.of(),
                Duration.ofSeconds(90),
                null,
                PluginLoaderApp.class.getName(),
                ForkedJvm.AGENT_JAR.toAbsolutePath().toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(line(run, "attach: ").startsWith("exit 0"), run.toString());
        assertTrue(
                run.stderr().lines().anyMatch(l -> l.equals("[gil4j] instrumented " + CountingPlugin.class.getName())),
                "retransformed in the plugin loader, where alone it was defined: " + run);
        assertTrue(run.stdout().contains("count=2001000"), "the four threads ran under the lock: " + run);
    }

    private static String line(ForkedProcess.Result run, String prefix) {
        return run.stdoutLines().stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst()
                .orElse("(no line " + prefix + ")");
    }
}
