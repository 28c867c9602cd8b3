package io.gil4j.benchmarks;

import io.gil4j.benchmarks.marked.Trivial;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the first rerouted call of a JVM costs: the route is built and its worker started on that call — a
 * thread for {@link Interpreters}, a JVM for {@link Processes} — so its time is the worker's start-up as the
 * application sees it (CPython: about 100 µs to start a thread, about 50 ms to spawn a process). One call
 * per fork, in ten fresh forks each.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar StartupBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Thread)
public abstract class StartupBenchmark {

    private final AgentAttachment attachment;

    StartupBenchmark(AgentAttachment attachment) {
        this.attachment = attachment;
    }

    @Setup
    public void verifyAttachment() {
        attachment.verify();
    }

    /** The JVM's first marked call: builds the route, starts a worker, runs the call. */
    @Benchmark
    public int firstCall() {
        return Trivial.echo(1);
    }

    /** The interpreter pool: the first call starts a worker thread. */
    @Fork(value = 10, jvmArgsAppend = AgentAttachment.INTERPRETERS_AGENT + DispatchBenchmark.MARKED)
    public static class Interpreters extends StartupBenchmark {
        public Interpreters() {
            super(AgentAttachment.INTERPRETERS);
        }
    }

    /** The worker processes: the first call starts a worker JVM. */
    @Fork(value = 10, jvmArgsAppend = AgentAttachment.PROCESSES_AGENT + DispatchBenchmark.MARKED)
    public static class Processes extends StartupBenchmark {
        public Processes() {
            super(AgentAttachment.PROCESSES);
        }
    }
}
