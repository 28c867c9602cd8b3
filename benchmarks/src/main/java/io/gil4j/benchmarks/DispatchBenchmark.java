package io.gil4j.benchmarks;

import io.gil4j.benchmarks.marked.Trivial;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs to reroute one call: the round trip of a trivial marked call ({@link Trivial#echo}) from
 * one caller, sampled so that JMH reports its median ({@code p0.50}), in the {@code interpreters} mode
 * ({@link Interpreters}; with a class loader per interpreter, {@link IsolatedInterpreters}) and the
 * {@code processes} mode ({@link Processes}); and, in the interpreters' fork,
 * the same round trip through a plain {@code ThreadPoolExecutor} of as many threads
 * ({@code threadPoolSubmitGet}), the cost a hand-written offload would pay. Goal: the interpreters' median
 * at most 10 µs and within 1.5× of the thread pool's.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar DispatchBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class DispatchBenchmark {

    static final String MARKED = "io.gil4j.benchmarks.marked.**,workers=2";

    private final AgentAttachment attachment;
    private int next;

    DispatchBenchmark(AgentAttachment attachment) {
        this.attachment = attachment;
    }

    @Setup
    public void verifyAttachment() {
        attachment.verify();
    }

    /** One marked call, rerouted by the fork's mode and waited for. */
    @Benchmark
    public int markedCall() {
        return Trivial.echo(next());
    }

    /** The interpreter pool. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.INTERPRETERS_AGENT + MARKED)
    public static class Interpreters extends DispatchBenchmark {

        private ExecutorService threads;

        public Interpreters() {
            super(AgentAttachment.INTERPRETERS);
        }

        @Setup
        public void startThreads() {
            threads = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        }

        @TearDown
        public void stopThreads() {
            threads.shutdownNow();
        }

        /** The baseline: the same trivial work through {@code submit().get()} on a plain thread pool. */
        @Benchmark
        public int threadPoolSubmitGet() throws InterruptedException, ExecutionException {
            int value = next();
            return threads.submit(() -> value).get();
        }
    }

    /** The interpreter pool with a class loader per interpreter: arguments and results are copied. */
    @Fork(
            value = 2,
            jvmArgsAppend = AgentAttachment.INTERPRETERS_AGENT + MARKED + ",interpreters.isolation=classloader")
    public static class IsolatedInterpreters extends DispatchBenchmark {
        public IsolatedInterpreters() {
            super(AgentAttachment.INTERPRETERS);
        }
    }

    /** The worker processes. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.PROCESSES_AGENT + MARKED)
    public static class Processes extends DispatchBenchmark {
        public Processes() {
            super(AgentAttachment.PROCESSES);
        }
    }

    int next() {
        return next++;
    }
}
