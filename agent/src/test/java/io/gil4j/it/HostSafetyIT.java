package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.BehaviourApp;
import io.gil4j.it.app.VisibilityApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent never breaks its host: bad configuration, failing hooks, hidden internals. */
class HostSafetyIT {

    private static final String APP = "include=io.gil4j.it.app.**";

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void bad_mode_prints_one_line_naming_key_value_and_accepted_values_and_app_runs(Path jdk) throws Exception {
        ForkedProcess.Result plain = ForkedJvm.run(jdk, null, BehaviourApp.class.getName());
        ForkedProcess.Result bad = ForkedJvm.run(jdk, APP + ",mode=turbo", BehaviourApp.class.getName());
        assertEquals(0, bad.exitCode(), bad.toString());
        assertEquals(plain.stdout(), bad.stdout());
        List<String> lines = bad.agentLines();
        assertEquals(1, lines.size(), bad.toString());
        assertTrue(lines.get(0).contains("gil4j.mode=turbo") && lines.get(0).contains("native, gil"), lines.get(0));
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void unknown_key_prints_one_line_naming_it_and_app_runs(Path jdk) throws Exception {
        ForkedProcess.Result bad = ForkedJvm.run(jdk, APP + ",switch-intervall=5ms", BehaviourApp.class.getName());
        assertEquals(0, bad.exitCode(), bad.toString());
        assertEquals(1, bad.agentLines().size(), bad.toString());
        assertTrue(
                bad.agentLines().get(0).contains("gil4j.switch-intervall")
                        && bad.agentLines().get(0).contains("switch-interval"),
                bad.toString());
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void failing_hooks_never_reach_the_application(Path jdk) throws Exception {
        ForkedProcess.Result normal = ForkedJvm.run(jdk, APP, BehaviourApp.class.getName(), "gil");
        ForkedProcess.Result faulty =
                ForkedJvm.run(jdk, APP + ",inject-faults=true", BehaviourApp.class.getName(), "gil");
        ForkedProcess.Result without = ForkedJvm.run(jdk, null, BehaviourApp.class.getName());
        assertEquals(normal.stdout(), faulty.stdout(), faulty.toString());
        assertEquals(work(without), work(normal), normal.toString());
        assertTrue(faulty.stderr().matches("(?s).*hook-failures=[1-9]\\d*.*"), faulty.toString());
        assertTrue(normal.stderr().contains("hook-failures=0"), normal.toString());
        assertTrue(normal.stdout().contains("caught=boom at fail"), normal.toString());
        assertTrue(
                normal.stdout().contains("rejected=unknown mode 'turbo': accepted values are native, gil"),
                normal.toString());
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void agent_internals_are_invisible_to_the_application(Path jdk) throws Exception {
        String[] internals = {
            "net.bytebuddy.ByteBuddy", "io.gil4j.shaded.bytebuddy.ByteBuddy", "io.gil4j.gil.InterpreterLock",
            "io.gil4j.mode.ModeController", "io.gil4j.agent.AgentInstaller", "io.gil4j.config.Config"
        };
        ForkedProcess.Result result = ForkedJvm.run(jdk, APP, VisibilityApp.class.getName(), internals);
        for (String name : internals) {
            assertTrue(result.stdout().contains("hidden " + name), result.toString());
        }
    }

    private static List<String> work(ForkedProcess.Result result) {
        return result.stdoutLines().stream()
                .filter(l -> l.startsWith("fib=") || l.startsWith("caught=") || l.startsWith("total="))
                .collect(Collectors.toList());
    }
}
