package io.gil4j.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every library task in forked JVMs, without the agent and under it, checked for shapes only, never for
 * absolute times: the modes compute the same checksums, {@code gil} serialises two threads, and
 * {@code interpreters} runs two marked calls at once where the machine can.
 *
 * <p>Each task's seven JVMs (no agent on one and two threads, {@code native}, {@code gil} on one thread, on two
 * and on one again, {@code interpreters} on two) run once, on the first test that needs them, with {@value #TASKS}
 * calls per round and {@value #TIMED_ROUNDS} timed rounds ({@value #INTERPRETER_ROUNDS} for {@code
 * interpreters}, whose workers each warm their own copy of the library): the {@code gil} test compares
 * medians, which one round in another JIT state does not move, and runs one thread before and after two,
 * taking the better, so that another process busy during one of them does not make two threads look faster
 * (collections read 1.57× once in CI with one run); the parallel tests compare the best rounds, which come
 * once every copy of the library is warm. The one-thread {@code gil} run is the sequential reference: it
 * carries the same instrumentation as the runs it is compared with.
 *
 * <p>The timing tests compare JVMs that ran one after another, which means something only if the machine
 * gave them the same share of itself. They are skipped, with the reason, when the system load average
 * around a task's runs exceeded {@value #BUSY} × the processors (another build on the machine), and the
 * {@code interpreters} test also where two threads without the agent ran this task less than {@value
 * #MACHINE_PARALLEL} × as fast as one (one processor, JIT threads or GC taking the second, no memory
 * bandwidth to spare): there is not enough parallelism for it to show. The checksum test always runs.
 * {@code benchmarks/realcode.py} measures the same configurations properly.
 */
class RealCodeSmokeIT {

    private static final int TASKS = 4;
    /**
     * Rounds of every run whose times are compared. The libraries are still warming up after six: Guava's
     * collections took 0.34 s a round at the first and 0.15 s at the sixth, and Bouncy Castle's scrypt runs
     * its first timed round in 0.16 s and the rest in 0.25 s (C2's later code is slower), so a best of six
     * compared one JIT state with another (gil on two threads "1.49×" and "1.61×" as fast as on one, CI
     * 2026-12-04).
     */
    private static final int TIMED_ROUNDS = 12;
    /**
     * Rounds of the {@code interpreters} run. Each of its two workers runs half of a round's calls on its own
     * copy of the library, and the JIT compiles both copies on the two cores that run them, so the workers
     * take about three times as many rounds as one thread to be warm: Jackson's rounds under {@code
     * interpreters} fell until about the 20th (0.39 s, 0.25 s, 0.11 s, 0.06–0.23 s, then 0.056–0.065 s) while one
     * thread under {@code gil} was steady from the 3rd (0.11 s). Over 12 rounds the best was 1.16–1.62× of
     * {@code gil} on one thread here, and 0.95× and 1.10× in two CI runs; over 36 it was 1.96–2.10× here
     * (Mustache, Bouncy Castle and Guava 1.9–2.1×). Mustache's best over 6 rounds was 1.05–1.15×.
     */
    private static final int INTERPRETER_ROUNDS = 3 * TIMED_ROUNDS;
    /** The speedup that counts as running two calls at once. */
    private static final double PARALLEL = 1.2;
    /**
     * The speedup two threads without the agent must show before {@code interpreters} is held to {@link
     * #PARALLEL}: room for the rerouting's own cost, so that a machine that barely runs two at once (JIT
     * compiler threads on the same two cores early in a short run) does not count against the agent.
     */
    private static final double MACHINE_PARALLEL = 1.5;
    /** The load average, per processor, above which wall-clock comparisons are noise. */
    private static final double BUSY = 2.0;

    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();
    private static final Map<Task, Runs> RUNS = new EnumMap<>(Task.class);

    /** The runs of one task, and the highest system load average seen around them. */
    private record Runs(
            RealCodeJvm.Row none1,
            RealCodeJvm.Row none2,
            RealCodeJvm.Row nativeMode,
            RealCodeJvm.Row gil1,
            RealCodeJvm.Row gil2,
            RealCodeJvm.Row gil1Again,
            RealCodeJvm.Row interpreters,
            double load) {

        /** The one-thread {@code gil} median, the better of the runs before and after the two-thread one. */
        double gil1Median() {
            return Math.min(gil1.medianSeconds(), gil1Again.medianSeconds());
        }

        void assumeQuiet(Task task) {
            assumeTrue(
                    load <= BUSY * PROCESSORS,
                    task.id() + ": load average " + load + " on " + PROCESSORS
                            + " processors while its JVMs ran: wall-clock comparisons would be noise");
        }
    }

    @BeforeAll
    static void agentJarIsBuilt() {
        assertTrue(
                Files.isRegularFile(RealCodeJvm.AGENT_JAR),
                "no agent jar at " + RealCodeJvm.AGENT_JAR.toAbsolutePath() + ": build the agent module first");
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void every_mode_computes_the_checksum_of_the_run_without_the_agent(Task task) throws Exception {
        Runs runs = runs(task);
        long expected = runs.none1().checksum();

        assertEquals(expected, runs.none2().checksum(), "no agent, 2 threads");
        assertEquals(expected, runs.nativeMode().checksum(), "native");
        assertEquals(expected, runs.gil1().checksum(), "gil, 1 thread");
        assertEquals(expected, runs.gil2().checksum(), "gil, 2 threads");
        assertEquals(expected, runs.gil1Again().checksum(), "gil, 1 thread, again");
        assertEquals(expected, runs.interpreters().checksum(), "interpreters");
    }

    /**
     * Not {@code compress}: XZ does its work inside {@code OutputStream.write} and {@code
     * InputStream.readAllBytes}, call sites that gil4j treats as blocking I/O and runs without the lock
     * (docs/gil.md, "Blocking calls that release the lock"), as CPython's {@code lzma} module releases the
     * GIL while it compresses; with the library outside the default selection, two threads do run at once.
     */
    @ParameterizedTest
    @EnumSource(value = Task.class, mode = EnumSource.Mode.EXCLUDE, names = "COMPRESS")
    void gil_on_two_threads_is_no_faster_than_on_one(Task task) throws Exception {
        Runs runs = runs(task);
        runs.assumeQuiet(task);
        double speedup = runs.gil1Median() / runs.gil2().medianSeconds();

        assertTrue(speedup <= 1.4, task.id() + ": gil on 2 threads ran " + speedup + "× as fast as on 1");
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void interpreters_on_two_workers_run_faster_than_one_thread(Task task) throws Exception {
        assumeTrue(PROCESSORS >= 2, "needs 2 processors");
        Runs runs = runs(task);
        runs.assumeQuiet(task);
        double free = runs.none1().bestSeconds() / runs.none2().bestSeconds();
        assumeTrue(
                free >= MACHINE_PARALLEL,
                task.id() + ": without the agent 2 threads ran only " + free
                        + "× as fast as 1 on this machine: not enough parallelism to measure");
        double speedup = runs.gil1().bestSeconds() / runs.interpreters().bestSeconds();

        assertTrue(
                speedup >= PARALLEL,
                task.id() + ": interpreters on 2 workers ran only " + speedup
                        + "× as fast as gil on 1 thread (2 threads without the agent: " + free + "×)");
    }

    private static Runs runs(Task task) throws InterruptedException {
        Runs runs = RUNS.get(task);
        if (runs == null) {
            double loadBefore = loadAverage();
            String offload = ",workers=2,offload=" + task.offloadPattern();
            runs = new Runs(
                    run(null, task, 1, TIMED_ROUNDS),
                    run(null, task, 2, TIMED_ROUNDS),
                    run("mode=native", task, 1, 1),
                    run("mode=gil", task, 1, TIMED_ROUNDS),
                    run("mode=gil", task, 2, TIMED_ROUNDS),
                    run("mode=gil", task, 1, TIMED_ROUNDS),
                    run("mode=interpreters" + offload, task, 2, INTERPRETER_ROUNDS),
                    Math.max(loadBefore, loadAverage()));
            RUNS.put(task, runs);
        }
        return runs;
    }

    /** The system's 1-minute load average, or 0 where the platform has none (nothing then counts as busy). */
    private static double loadAverage() {
        return Math.max(0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static RealCodeJvm.Row run(String agentArgument, Task task, int threads, int rounds)
            throws InterruptedException {
        return RealCodeJvm.run(
                agentArgument,
                "--task",
                task.id(),
                "--threads",
                Integer.toString(threads),
                "--tasks",
                Integer.toString(TASKS),
                "--rounds",
                Integer.toString(rounds));
    }
}
