package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.OffloadApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Marked methods of an unmodified program rerouted in each mode, on every JDK under test. */
class OffloadIT {

    private static final String APP = "include=io.gil4j.it.app.**,offload=io.gil4j.it.app.OffloadApp$Pricing#quote";

    /** What a caller sees when an argument cannot be copied: the error naming the type. */
    private static final String NOT_SHAREABLE =
            "weigh=NotShareableException:cannot pass io.gil4j.it.app.OffloadApp$Parcel ";

    private static List<String> run(Path jdk, String settings) throws Exception {
        ForkedProcess.Result result = ForkedJvm.run(jdk, APP + "," + settings, OffloadApp.class.getName());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.agentLines().isEmpty(), result.toString());
        return result.stdoutLines();
    }

    /** What every mode must show the caller, whatever thread ran the calls. */
    private static void assertInlineSemantics(List<String> lines) {
        assertEquals("plus=42", lines.get(1));
        assertEquals("fail=IllegalStateException:boom cause=WorkerStackTrace callerFrame=main", lines.get(2));
        assertEquals("fib=6765", lines.get(3));
        assertEquals("later=soon!", lines.get(4));
    }

    /** Runs the app in {@code settings}, checking that its calls ran on interpreters as if inline. */
    private static List<String> runOnInterpreters(Path jdk, String settings) throws Exception {
        List<String> lines = run(jdk, settings);
        assertTrue(lines.get(0).startsWith("where=gil4j-interpreters-"), lines.toString());
        assertInlineSemantics(lines);
        assertTrue(lines.get(5).startsWith("quote=gil4j-interpreters-"), lines.toString());
        return lines;
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void native_mode_runs_marked_methods_inline(Path jdk) throws Exception {
        List<String> lines = run(jdk, "mode=native");
        assertEquals("where=main", lines.get(0));
        assertEquals("plus=42", lines.get(1));
        assertEquals("fail=IllegalStateException:boom cause=none callerFrame=main", lines.get(2));
        assertEquals("quote=main:42", lines.get(5));
        assertEquals("callerCount=20", lines.get(6));
        assertEquals("weigh=7", lines.get(7));
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void sequential_mode_runs_marked_methods_on_one_lane_as_if_inline(Path jdk) throws Exception {
        List<String> lines = run(jdk, "mode=sequential");
        assertEquals("where=gil4j-sequential-0", lines.get(0));
        assertInlineSemantics(lines);
        assertEquals("quote=gil4j-sequential-0:42", lines.get(5));
        assertEquals("callerCount=20", lines.get(6));
        assertEquals("weigh=7", lines.get(7));
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void interpreters_mode_runs_marked_methods_on_interpreters_as_if_inline(Path jdk) throws Exception {
        List<String> lines = runOnInterpreters(jdk, "mode=interpreters,workers=2");
        assertEquals("callerCount=20", lines.get(6), "statics are shared");
        assertEquals("weigh=7", lines.get(7), "nothing is copied");
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void interpreters_with_classloader_isolation_keep_statics_per_interpreter(Path jdk) throws Exception {
        List<String> lines = runOnInterpreters(jdk, "mode=interpreters,workers=2,interpreters.isolation=classloader");
        assertEquals("callerCount=0", lines.get(6), "statics are per interpreter");
        assertTrue(lines.get(7).startsWith(NOT_SHAREABLE), lines.toString());
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void processes_mode_runs_marked_methods_in_worker_jvms_as_if_inline(Path jdk) throws Exception {
        List<String> lines = run(jdk, "mode=processes,workers=1");
        assertEquals("where=gil4j-worker-call", lines.get(0));
        assertInlineSemantics(lines);
        assertEquals("quote=gil4j-worker-call:42", lines.get(5));
        assertEquals("callerCount=0", lines.get(6), "statics are per process");
        assertTrue(lines.get(7).startsWith(NOT_SHAREABLE), lines.toString());
    }
}
