package io.gil4j.benchmarks;

import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.Workload;
import io.gil4j.demo.workload.WorkloadKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent costs a demo workload on one thread: one {@link Size#SMALL} task of the {@code workload}
 * per operation, run in forks without the agent ({@link NoAgent}), with it in native mode ({@link
 * AgentNative}) and in gil mode ({@link AgentGil}), the agent instrumenting {@code io.gil4j.demo.**} as
 * {@code bench} would. See {@link AgentAttachment} for how forks are attached and checked.
 *
 * <p><b>Reading the figures</b> (ms/op, per workload). The overhead of the lock on one thread is
 * {@code AgentGil / AgentNative − 1}; goal: at most 10 %. {@code AgentNative / NoAgent − 1} is what
 * instrumentation alone costs. With one thread the lock is never contended: the task's outermost
 * instrumented call takes it and releases it, and its loops pass their check points on the fast path.
 * The {@code IO} workload's in-process server threads are instrumented too, so there the client and the
 * server hand the lock to each other around each blocking socket call.
 *
 * <p>Run from the repository root ({@code -p workload=PRIMES,STATS,HASH} leaves out the I/O workload):
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar WorkloadBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class WorkloadBenchmark {

    /** The classes the agent's forks instrument: the demo's, as when the demo runs with the agent. */
    static final String INSTRUMENTED = "io.gil4j.demo.**";

    /** The workload whose tasks are measured. */
    @Param({"PRIMES", "STATS", "HASH", "IO"})
    public WorkloadKind workload;

    private final AgentAttachment attachment;
    private Workload tasks;

    WorkloadBenchmark(AgentAttachment attachment) {
        this.attachment = attachment;
    }

    @Setup
    public void setUp() {
        attachment.verify();
        tasks = workload.create(Size.SMALL);
    }

    @TearDown
    public void tearDown() {
        tasks.close();
    }

    /** One task; every operation runs task 0, whose result is always equal. */
    @Benchmark
    public Object task() throws Exception {
        return tasks.runTask(0);
    }

    /** The baseline: a plain JVM. */
    @Fork(2)
    public static class NoAgent extends WorkloadBenchmark {
        public NoAgent() {
            super(AgentAttachment.NONE);
        }
    }

    /** The agent in native mode: instrumented, no lock in force. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.NATIVE_AGENT + INSTRUMENTED)
    public static class AgentNative extends WorkloadBenchmark {
        public AgentNative() {
            super(AgentAttachment.NATIVE);
        }
    }

    /** The agent in gil mode: one thread, so the lock is taken and released once per task. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.GIL_AGENT + INSTRUMENTED)
    public static class AgentGil extends WorkloadBenchmark {
        public AgentGil() {
            super(AgentAttachment.GIL);
        }
    }
}
