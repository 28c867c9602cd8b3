package io.gil4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.crossing.NotShareableException;
import io.gil4j.offload.WorkerStackTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls through one shared pool of one worker process. */
class ProcessPoolCallTest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static ProcessPool pool;

    @TempDir
    Path temp;

    @BeforeAll
    static void startPool() {
        pool = Workers.pool(1).build();
    }

    @AfterAll
    static void closePool() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> pool.close());
    }

    @Test
    void static_method_returns_its_value_computed_in_another_process() throws Throwable {
        assertEquals(5, call("add", null, 2, 3));
        assertFalse(call("pid", null).equals(ProcessHandle.current().pid()));
    }

    @Test
    void collections_cross_both_ways() throws Throwable {
        Map<String, List<Integer>> lists =
                new TreeMap<>(Map.of("a", List.of(1, 2), "b", new LinkedList<>(List.of(3, 4, 5))));

        Object sums = call("sums", null, lists);

        assertEquals(Map.of("a", 3, "b", 12), sums);
        assertInstanceOf(TreeMap.class, sums);
    }

    @Test
    void instance_method_runs_on_the_workers_copy_of_the_receiver() throws Throwable {
        Call scaled =
                Call.of(Fixtures.Counter.class.getDeclaredMethod("scaled", int.class), new Fixtures.Counter(10), 3);

        assertEquals(30, invoke(scaled));
    }

    @Test
    void thrown_exception_comes_back_as_its_own_type_and_message_with_the_worker_stack_as_cause() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> call("fail", null, "boom"));

        assertEquals("boom", thrown.getMessage());
        WorkerStackTrace workerStack = assertInstanceOf(WorkerStackTrace.class, thrown.getCause());
        assertTrue(workerStack.getMessage().contains("worker pid "), workerStack.getMessage());
        assertTrue(mentions(workerStack.getStackTrace(), "Fixtures", "fail"), "worker stack has the method");
        assertTrue(mentions(thrown.getStackTrace(), ".ProcessPool", "invoke"), "caller stack on top");
    }

    @Test
    void exception_of_an_allowed_application_type_comes_back_as_itself() {
        Fixtures.Refused thrown = assertThrows(Fixtures.Refused.class, () -> call("refuse", null, "no"));

        assertEquals("no", thrown.getMessage());
        assertInstanceOf(WorkerStackTrace.class, thrown.getCause());
    }

    @Test
    void exception_of_a_type_not_allowed_comes_back_described_by_type_message_and_worker_stack() {
        WorkerThrewException thrown = assertThrows(WorkerThrewException.class, () -> call("leak", null, "psst"));

        assertEquals(Fixtures.Secret.class.getName(), thrown.originalType());
        assertTrue(thrown.getMessage().startsWith(Fixtures.Secret.class.getName() + ": psst"), thrown.getMessage());
        WorkerStackTrace workerStack = assertInstanceOf(WorkerStackTrace.class, thrown.getCause());
        assertTrue(mentions(workerStack.getStackTrace(), "Fixtures", "leak"), "worker stack has the method");
    }

    @Test
    void argument_not_serializable_fails_in_the_caller_naming_its_type() {
        NotShareableException refused =
                assertThrows(NotShareableException.class, () -> call("identity", null, new Fixtures.Opaque()));

        assertEquals(Fixtures.Opaque.class.getName(), refused.offendingType());
        assertTrue(refused.getMessage().contains("Fixtures.identity"), refused.getMessage());
    }

    @Test
    void argument_not_on_the_allow_list_fails_in_the_caller_naming_how_to_allow_it() {
        NotShareableException refused = assertThrows(
                NotShareableException.class, () -> call("identity", null, List.of(new Fixtures.Unlisted())));

        assertEquals(Fixtures.Unlisted.class.getName(), refused.offendingType());
        assertTrue(refused.getMessage().contains("allow it with"), refused.getMessage());
    }

    @Test
    void hostile_argument_is_refused_before_it_is_sent_and_never_instantiated() throws Exception {
        Path marker = temp.resolve("readObject-ran");

        NotShareableException refused =
                assertThrows(NotShareableException.class, () -> call("identity", null, new HostileReadObject(marker)));

        assertEquals(HostileReadObject.class.getName(), refused.offendingType());
        assertFalse(Files.exists(marker));
    }

    @Test
    void result_not_serializable_fails_in_the_caller_naming_its_type() {
        NotShareableException refused = assertThrows(NotShareableException.class, () -> call("opaque", null));

        assertEquals(Fixtures.Opaque.class.getName(), refused.offendingType());
        assertTrue(refused.getMessage().contains("result of"), refused.getMessage());
    }

    @Test
    void worker_start_up_time_and_calls_are_counted() {
        Call add = Call.of(Fixtures.method("add"), null, 1, 1);
        long[] roundTrips = new long[200];
        assertTimeoutPreemptively(CALL_TIMEOUT, () -> {
            pool.invoke(add);
            for (int i = 0; i < roundTrips.length; i++) {
                long start = System.nanoTime();
                pool.invoke(add);
                roundTrips[i] = System.nanoTime() - start;
            }
        });

        ProcessPoolStats stats = pool.stats();

        assertEquals(1, stats.workerStarts());
        assertTrue(stats.lastStartupNanos() > 0);
        assertEquals(stats.lastStartupNanos(), stats.totalStartupNanos());
        assertTrue(stats.calls() >= roundTrips.length + 1);
        assertEquals(0, stats.workerDeaths());
        assertTrue(stats.waits().count() >= roundTrips.length + 1, "every sent call's wait: " + stats.waits());
        assertTrue(stats.waits().sumNanos() >= stats.lastStartupNanos(), "the first call waited for the start-up");
        assertEquals(1, stats.live());
        assertEquals(0, stats.busy());
        assertEquals(0, stats.waiting());
        assertTrue(stats.cpuNanos() > 0, "the worker JVM's CPU time, as the operating system reports it");
        Arrays.sort(roundTrips);
        System.out.printf(
                "worker start-up %.1f ms; trivial call round trip median %.1f us, p90 %.1f us%n",
                stats.lastStartupNanos() / 1e6,
                roundTrips[roundTrips.length / 2] / 1e3,
                roundTrips[roundTrips.length * 9 / 10] / 1e3);
    }

    private static Object call(String fixture, Object receiver, Object... args) throws Throwable {
        return invoke(Call.of(Fixtures.method(fixture), receiver, args));
    }

    private static Object invoke(Call call) throws Throwable {
        return assertTimeoutPreemptively(CALL_TIMEOUT, () -> pool.invoke(call));
    }

    private static boolean mentions(StackTraceElement[] stack, String classSuffix, String method) {
        return Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().endsWith(classSuffix)
                        && frame.getMethodName().equals(method));
    }
}
