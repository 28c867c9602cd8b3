package io.gil4j.benchmarks;

import io.gil4j.benchmarks.workload.Loops;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a loop back-edge check point costs instrumented code, single-threaded: the {@link Loops} of
 * {@code size} elements (one back-edge each), run in forks without the agent ({@link NoAgent}), with it in
 * native mode ({@link AgentNative}) and in gil mode ({@link AgentGil}). The agent instruments only
 * {@code io.gil4j.benchmarks.workload}; see {@link AgentAttachment} for how forks are attached and checked.
 *
 * <ul>
 *   <li>{@code call}: {@link Loops#first}, no loop. Under gil mode the benchmark thread takes the lock at the
 *       first entry and keeps it, as a CPython thread keeps the GIL, so each call passes its entry check
 *       point on the fast path. This is the cost of one instrumented call.
 *   <li>{@code sum}, {@code mix}: {@link Loops#sum} and {@link Loops#mix}: one such call plus {@code size}
 *       back-edges, at each of which the holder passes the check point on its fast path (one volatile read,
 *       compared with the current thread).
 * </ul>
 *
 * <p><b>Reading the figures</b> (ns/op). The cost of one check point, amortised per loop iteration, is
 *
 * <pre>
 *   checkpoint = ((AgentGil.L − NoAgent.L) − (AgentGil.call − NoAgent.call)) / size
 * </pre>
 *
 * for a loop {@code L} ({@code sum} or {@code mix}); goal: at most 2 ns. With the default {@code size} of
 * 1000 the entry is a small share of the loop, so {@code (AgentGil.L − NoAgent.L) / size} is
 * already close. {@code AgentNative} against {@code NoAgent} gives the same for native mode, where no lock
 * is taken.
 *
 * <p><b>Compilation.</b> The benchmark methods are not inlined into JMH's measurement loop, so each loop is
 * compiled as in an application: inside its own method, not nested in the harness's loop. Inlined there,
 * the instrumented loops compiled to one of two shapes from fork to fork, one of them several times
 * slower (2–3 ns per element instead of under 1 ns), which made the figures bimodal. Every variant pays the
 * same extra call per operation, which the formula above cancels.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar CheckpointBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class CheckpointBenchmark {

    /** The classes the agent's forks instrument. */
    static final String INSTRUMENTED = "io.gil4j.benchmarks.workload.**";

    private static final long SEED = 42;

    /** Elements per loop: back-edges per {@code sum} or {@code mix} operation. */
    @Param("1000")
    public int size;

    private final AgentAttachment attachment;
    private int[] values;

    CheckpointBenchmark(AgentAttachment attachment) {
        this.attachment = attachment;
    }

    @Setup
    public void setUp() {
        attachment.verify();
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        values = new SplittableRandom(SEED).ints(size).toArray();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int call() {
        return Loops.first(values);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int sum() {
        return Loops.sum(values);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int mix() {
        return Loops.mix(values);
    }

    /** The baseline: a plain JVM. */
    @Fork(2)
    public static class NoAgent extends CheckpointBenchmark {
        public NoAgent() {
            super(AgentAttachment.NONE);
        }
    }

    /** The agent in native mode: instrumented, no lock in force. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.NATIVE_AGENT + INSTRUMENTED)
    public static class AgentNative extends CheckpointBenchmark {
        public AgentNative() {
            super(AgentAttachment.NATIVE);
        }
    }

    /** The agent in gil mode: instrumented, each call takes and releases the lock. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.GIL_AGENT + INSTRUMENTED)
    public static class AgentGil extends CheckpointBenchmark {
        public AgentGil() {
            super(AgentAttachment.GIL);
        }
    }
}
