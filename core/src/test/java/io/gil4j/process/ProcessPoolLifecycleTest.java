package io.gil4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers starting, dying, being recycled and stopped; each test with a pool of its own. */
class ProcessPoolLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Call PID = Call.of(Fixtures.method("pid"), null);

    @TempDir
    Path temp;

    /** What a call in the background ended with, and when. */
    private record Outcome(Object value, Throwable thrown, long endedAtNanos) {
        Object valueOrFail() {
            if (thrown != null) {
                throw new AssertionError("the call failed", thrown);
            }
            return value;
        }
    }

    @Test
    void killed_worker_fails_its_call_within_a_second_and_is_replaced_for_the_next() throws Exception {
        try (ProcessPool pool = Workers.pool(1).build()) {
            Path pidFile = temp.resolve("pid");
            Forked<Outcome> sleeping = callInBackground(pool, sleepCall(pidFile));
            long pid = Workers.awaitPid(pidFile, WAIT);

            long killedAt = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Outcome outcome = sleeping.get(Duration.ofSeconds(5));

            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, outcome.thrown());
            long failedAfterMillis = TimeUnit.NANOSECONDS.toMillis(outcome.endedAtNanos() - killedAt);
            assertTrue(failedAfterMillis < 1_000, "failed " + failedAfterMillis + " ms after the kill");
            assertEquals(pid, died.pid());
            assertTrue(
                    died.getMessage().contains("pid " + pid)
                            && died.getMessage().contains("sleepAfterSaying"),
                    died.getMessage());
            long replacement = (Long) callInBackground(pool, PID).get(WAIT).valueOrFail();
            assertNotEquals(pid, replacement);
            assertEquals(1, pool.stats().workerDeaths());
            assertEquals(1, pool.stats().restarts());
        }
    }

    @Test
    void worker_is_retired_and_replaced_after_max_tasks() throws Exception {
        try (ProcessPool pool = Workers.pool(1).maxTasksPerWorker(2).build()) {
            long first = (Long) callInBackground(pool, PID).get(WAIT).valueOrFail();
            long second = (Long) callInBackground(pool, PID).get(WAIT).valueOrFail();
            long third = (Long) callInBackground(pool, PID).get(WAIT).valueOrFail();

            assertEquals(first, second);
            assertNotEquals(first, third);
            Eventually.await("the retired worker to exit", WAIT, Workers.POLL, () -> !Workers.isAlive(first));
            assertEquals(0, pool.stats().workerDeaths());
            assertEquals(1, pool.stats().restarts());
        }
    }

    @Test
    void connection_with_a_wrong_token_is_dropped_and_the_real_worker_accepted() throws Exception {
        ProcessPool.Builder builder =
                ProcessPool.builder(Workers.command(ImpostorMain.class)).workers(1);
        try (ProcessPool pool = builder.build()) {
            Outcome outcome = callInBackground(pool, PID).get(WAIT);

            assertNull(outcome.thrown(), () -> "the worker did not start: " + outcome.thrown());
            assertEquals(1, pool.stats().workerStarts());
        }
    }

    @Test
    void fifty_idle_connections_do_not_delay_a_workers_start_past_twice_its_normal_start_up() throws Throwable {
        long normal = startupNanos(WorkerMain.class);
        long crowded = startupNanos(CrowdedMain.class);
        assertTrue(
                crowded < 2 * normal,
                "start-up beside " + CrowdedMain.IDLE + " idle connections " + crowded / 1_000_000 + " ms, alone "
                        + normal / 1_000_000 + " ms");
    }

    /** How long the first worker of a pool running {@code main} took to start and connect. */
    private static long startupNanos(Class<?> main) throws Throwable {
        try (ProcessPool pool = ProcessPool.builder(Workers.command(main))
                .workers(1)
                .allow(Fixtures.ALLOWED)
                .startTimeout(WAIT)
                .build()) {
            pool.invoke(PID);
            return pool.stats().lastStartupNanos();
        }
    }

    @Test
    void shutdown_fails_calls_in_flight_and_waiting_without_hanging() throws Exception {
        ProcessPool pool = Workers.pool(1).build();
        Path pidFile = temp.resolve("pid");
        Forked<Outcome> sleeping = callInBackground(pool, sleepCall(pidFile));
        long pid = Workers.awaitPid(pidFile, WAIT);
        Forked<Outcome> waiting = callInBackground(pool, PID);

        boolean clean = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> pool.shutdown(Duration.ofMillis(200)));

        assertFalse(clean);
        Throwable cutOff = sleeping.get(Duration.ofSeconds(5)).thrown();
        assertInstanceOf(WorkerDiedException.class, cutOff);
        assertTrue(cutOff.getMessage().contains("shutdown"), cutOff.getMessage());
        assertInstanceOf(
                RejectedExecutionException.class,
                waiting.get(Duration.ofSeconds(5)).thrown());
        assertThrows(RejectedExecutionException.class, () -> pool.invoke(PID));
        assertFalse(Workers.isAlive(pid), "worker still running after shutdown returned");
    }

    @Test
    void worker_process_exits_of_itself_when_the_pool_is_closed() throws Exception {
        ProcessPool pool = Workers.pool(1).build();
        long pid = (Long) callInBackground(pool, PID).get(WAIT).valueOrFail();

        boolean clean = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> pool.shutdown(Duration.ofSeconds(5)));

        assertTrue(clean);
        assertFalse(Workers.isAlive(pid), "worker still running after shutdown returned");
        assertEquals(0, pool.stats().workerDeaths());
    }

    @Test
    void worker_exits_when_its_parent_process_dies() throws Exception {
        Path pidFile = temp.resolve("pid");
        List<String> line = new ArrayList<>(Workers.command(OrphanParentMain.class));
        line.add(pidFile.toString());
        try (ForkedProcess orphaning = ForkedProcess.start(line, Map.of())) {
            long workerPid = Workers.awaitPid(pidFile, WAIT);
            orphaning.awaitExit(WAIT); // the parent halts: its worker is an orphan

            Eventually.await(
                    "the orphaned worker to exit",
                    Duration.ofSeconds(10),
                    Workers.POLL,
                    () -> !Workers.isAlive(workerPid));
        }
    }

    private static Call sleepCall(Path pidFile) {
        return Call.of(Fixtures.method("sleepAfterSaying"), null, pidFile.toString(), 30_000L);
    }

    private static Forked<Outcome> callInBackground(ProcessPool pool, Call call) {
        return Forked.start("caller of " + call, () -> {
            try {
                return new Outcome(pool.invoke(call), null, System.nanoTime());
            } catch (Throwable t) {
                return new Outcome(null, t, System.nanoTime());
            }
        });
    }
}
