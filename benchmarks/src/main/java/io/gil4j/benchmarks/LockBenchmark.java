package io.gil4j.benchmarks;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@link InterpreterLock} costs one thread that never waits, next to the JDK's locks. No agent:
 * the lock is called directly, with a {@link ClearanceListener#IGNORE} listener, so the figures leave out
 * what the agent adds around it (publishing the clearance, the hooks), which {@link CheckpointBenchmark}'s
 * {@code call} includes.
 *
 * <ul>
 *   <li>{@code interpreterLock}: {@link InterpreterLock#acquire()} then {@link
 *       InterpreterLock#release(SwitchReason) release(EXIT)} around an increment — the fast paths, one CAS
 *       each plus the counters, with the hold timing the agent uses while metrics are on
 *       ({@link HoldTiming#SAMPLED}: one hold in 64 reads the clock twice). Goal: at most 25 ns.
 *   <li>{@code interpreterLockUntimed}: the same with {@link HoldTiming#OFF}, as with metrics off: the
 *       difference is what the metrics cost the lock's fast path. Goal: at most 5 %.
 *   <li>{@code reentrantLock}, {@code synchronizedBlock}: the same increment under {@link ReentrantLock}
 *       and under a monitor, the baselines.
 *   <li>{@code nanoTime}: one {@link System#nanoTime()}, for scale: a contended taker reads the clock
 *       twice to account its wait.
 *   <li>{@code checkpointHeld}: {@link InterpreterLock#checkpoint()} by the holder with no drop requested.
 *       Instrumented code never makes this call in that state (the hooks' clearance lets the holder pass
 *       without calling the lock); it is the cost of the slow check point that a stale clearance causes.
 * </ul>
 *
 * <p>Single thread, average time per operation in nanoseconds. Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar LockBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class LockBenchmark {

    private final InterpreterLock gil = newLock(HoldTiming.SAMPLED);
    private final InterpreterLock untimed = newLock(HoldTiming.OFF);
    private final ReentrantLock reentrantLock = new ReentrantLock();
    private final Object monitor = new Object();
    private int counter;

    /** The lock as the agent configures it by default: NEW algorithm, 5 ms switch interval. */
    static InterpreterLock newLock(HoldTiming holdTiming) {
        return new InterpreterLock(Algorithm.NEW, 5_000_000, 100, ClearanceListener.IGNORE, holdTiming);
    }

    @Benchmark
    public int interpreterLock() {
        return incrementUnder(gil);
    }

    @Benchmark
    public int interpreterLockUntimed() {
        return incrementUnder(untimed);
    }

    private int incrementUnder(InterpreterLock lock) {
        lock.acquire();
        try {
            return ++counter;
        } finally {
            lock.release(SwitchReason.EXIT);
        }
    }

    @Benchmark
    public int reentrantLock() {
        reentrantLock.lock();
        try {
            return ++counter;
        } finally {
            reentrantLock.unlock();
        }
    }

    @Benchmark
    public int synchronizedBlock() {
        synchronized (monitor) {
            return ++counter;
        }
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public void checkpointHeld(HeldLock held) {
        held.lock.checkpoint();
    }

    /**
     * An interpreter lock that the benchmark thread holds for a whole iteration. JMH runs a thread-scoped
     * state's setup and tear-down on the thread that uses it, so the holder is the caller of
     * {@code checkpoint()}.
     */
    @State(Scope.Thread)
    public static class HeldLock {

        final InterpreterLock lock = newLock(HoldTiming.SAMPLED);

        @Setup(Level.Iteration)
        public void take() {
            if (!lock.acquire()) {
                throw new IllegalStateException("a new lock is enabled, yet acquire() did not take it");
            }
        }

        @TearDown(Level.Iteration)
        public void give() {
            lock.release(SwitchReason.EXIT);
        }
    }
}
