package io.gil4j.benchmarks;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import io.gil4j.benchmarks.marked.Trivial;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the first call on a new route costs: the route is built and its first worker started on that call —
 * a thread for {@link Interpreters}, a JVM for {@link Processes} — so its time is the worker's start-up as
 * the application sees it (CPython: about 100 µs to start a thread, about 50 ms to spawn a process). Each
 * fork first warms the agent's rerouting code on the {@code sequential} lane, so that class loading and
 * the first reflective call are not counted; then it switches to the mode under test and times one call.
 * Ten fresh forks each.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar StartupBenchmark
 * }</pre>
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Thread)
public abstract class StartupBenchmark {

    private static final int WARM_UP_CALLS = 10_000;

    private final Mode mode;

    StartupBenchmark(Mode mode) {
        this.mode = mode;
    }

    /** Warms the rerouting code on the sequential lane, then switches to the mode under test. */
    @Setup
    public void warmUpThenSwitch() {
        AgentAttachment.NATIVE.verify();
        Gil4j.switchMode(Mode.SEQUENTIAL);
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            Trivial.echo(i);
        }
        Gil4j.switchMode(mode);
    }

    /** The first marked call on the route: builds it, starts a worker, runs the call. */
    @Benchmark
    public int firstCall() {
        return Trivial.echo(1);
    }

    /** The interpreter pool: the first call starts a worker thread. */
    @Fork(value = 10, jvmArgsAppend = AgentAttachment.NATIVE_AGENT + DispatchBenchmark.MARKED)
    public static class Interpreters extends StartupBenchmark {
        public Interpreters() {
            super(Mode.INTERPRETERS);
        }
    }

    /** The worker processes: the first call starts a worker JVM. */
    @Fork(value = 10, jvmArgsAppend = AgentAttachment.NATIVE_AGENT + DispatchBenchmark.MARKED)
    public static class Processes extends StartupBenchmark {
        public Processes() {
            super(Mode.PROCESSES);
        }
    }
}
