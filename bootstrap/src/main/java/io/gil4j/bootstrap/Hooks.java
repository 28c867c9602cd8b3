package io.gil4j.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The static entry points that instrumented code calls: check points, blocking calls and marked calls.
 * These calls sit on the hot path of the application, so each one has a fast path of a single volatile
 * read that the JIT inlines, and defers everything else to the installed {@link AgentRuntime}.
 *
 * <p><b>A thread keeps the lock, as a CPython thread keeps the GIL.</b> There is no exit hook: a thread
 * takes the lock at the first check point it reaches without it (a method entry or a loop back-edge of an
 * instrumented method) and keeps it, through returns and uninstrumented library code, until it blocks
 * ({@link #beforeBlocking}), is asked to drop it at a check point, or the watchdog revokes it. So an
 * instrumented method grows by one static call per entry and back-edge, and nothing else.
 *
 * <p><b>Clearance.</b> The agent publishes in {@link #clear} which thread may pass check points without
 * asking: {@link #EVERYONE} when no lock is in force (the {@code native} mode), the lock's holder while no
 * drop is requested of it, or {@code null} when every thread must ask (a drop is pending, the lock is free,
 * or the algorithm counts check points). A thread that is not cleared takes the slow path, where the
 * runtime decides what it must do; a stale clearance therefore costs one slow call, never correctness.
 *
 * <p><b>Workers.</b> A {@link WorkerThread} runs under its own interpreter's lock, not the main one: it passes
 * every check point, and the marked methods it calls run inline.
 *
 * <p><b>A slow path the JIT keeps out of line.</b> Under a contended lock the back-edge slow path runs a
 * few hundred times a second, often enough for the JIT to inline the whole lock into every instrumented
 * loop; that bloated loop then stays compiled after a switch to {@code native} and runs measurably slower
 * on every thread. The slow check point is therefore called through a method handle held in a non-final
 * field, which the JIT cannot treat as a constant and so calls out of line; and the fast path is kept
 * under HotSpot's 35-byte limit for inlining at call sites that are not yet hot.
 *
 * <p><b>Marked calls measured.</b> Once a {@link MarkedCallRecorder} is installed ({@link #record}), the offload
 * advice brackets every marked call made by a thread that is no worker with {@link #markedStart},
 * {@link #markedCpu} and {@link #markedEnd}: two clock reads, two thread-CPU reads when the call runs in its
 * caller, and one call into the recorder. A call on a worker is part of the call that sent it there and
 * is not measured again. Before that, each of them is one volatile read.
 *
 * <p><b>Failure containment.</b> No hook that instrumented code calls lets a throwable escape (the agent's
 * own {@link #detach} reports its failure to the agent): failures of the runtime are counted in
 * {@link #failures()} and otherwise ignored, so the application's code runs as if uninstrumented.
 * Before {@link #install} every hook is a no-op.
 */
public final class Hooks {

    /** The clearance that lets every thread pass: no lock is in force. */
    public static final Object EVERYONE = new Object();

    private static volatile Object clearance = EVERYONE;
    private static volatile AgentRuntime runtime;
    private static volatile boolean offloading;
    private static volatile MarkedCallRecorder recorder;
    private static Runnable detacher; // guarded by Hooks.class
    private static final AtomicLong FAILURES = new AtomicLong();
    /** How many measured marked calls are in progress on this thread: a call inside another is nested. */
    private static final ThreadLocal<int[]> MARKED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private static MethodHandle slowCheckpoint = slowCheckpointHandle();

    private Hooks() {}

    /**
     * Installs the agent's runtime. Only the first call has an effect (until {@link #detach()}), so that
     * nothing loaded later, application code included, can replace the agent. Any thread may call it.
     *
     * @param agentRuntime the agent's runtime; null installs nothing
     * @return true if {@code agentRuntime} was installed by this call
     */
    public static synchronized boolean install(AgentRuntime agentRuntime) {
        if (runtime != null || agentRuntime == null) {
            return false;
        }
        runtime = agentRuntime;
        return true;
    }

    /**
     * Registers how the installed agent takes itself out of the JVM (a later attach with the argument
     * {@code detach} calls {@link #detach()} from a class loader of its own, which can reach the first agent
     * only through here).
     *
     * @param detach what {@link #detach()} runs; replaces any registered before
     */
    public static synchronized void onDetach(Runnable detach) {
        detacher = detach;
    }

    /**
     * Runs the installed agent's detacher, then forgets the runtime, the recorder and the detacher, so that
     * instrumented frames still on a stack run plainly and a later attach can install afresh. Unlike the
     * hooks, it lets a throwable of the detacher through, after forgetting all of these.
     *
     * @return true if a detacher ran, false if no agent with a detacher is installed
     */
    public static synchronized boolean detach() {
        Runnable detach = detacher;
        if (runtime == null || detach == null) {
            return false;
        }
        try {
            detach.run();
        } finally {
            runtime = null;
            recorder = null;
            detacher = null;
            offloading = false;
            clearance = EVERYONE;
        }
        return true;
    }

    /**
     * The installed runtime.
     *
     * @return the installed runtime, or null without the agent
     */
    public static AgentRuntime runtime() {
        return runtime;
    }

    /**
     * Publishes which thread may pass check points without asking: {@link #EVERYONE}, one thread, or
     * {@code null} for nobody. Called by the agent's lock, under its internal mutex, whenever that changes.
     *
     * @param cleared {@link #EVERYONE}, the {@link Thread} that may pass, or null
     */
    public static void clear(Object cleared) {
        clearance = cleared;
    }

    /**
     * A check point: at the entry of an instrumented method and at its loop back-edges, as CPython's eval
     * loop checks its eval breaker. A cleared thread passes with one volatile read; any other thread
     * (one that does not hold the lock, or whose holder is asked to drop it) calls the runtime, which takes
     * the lock or hands it over. Small enough for HotSpot to inline at every call site.
     *
     * <p>A {@link WorkerThread} passes without reading the clearance: its type is tested first, in the inlined
     * part. Not behind a call, because a loop compiled while the main lock's holder ran it treats that branch
     * as cold, and a worker running the same loop afterwards would pay a call at every back-edge (measured:
     * {@code interpreters} after {@code gil} at 1.1× of sequential instead of 1.9×). And before the volatile
     * read, because the type and the current thread never change in a loop, so the JIT can hoist the test and
     * leave a worker's loops without the read's ordering, which forbids it to keep fields in registers across
     * the check (measured, every library class selected: a JSON round trip under {@code interpreters} on two
     * workers 1.32–1.48× as fast as one plain thread with the read first, 1.66–1.78× with the type first; under
     * {@code gil} on one thread, 1.30–1.39× slower than no agent before, 1.25–1.26× after).
     */
    public static void checkpoint() {
        Thread t = Thread.currentThread();
        if (t instanceof WorkerThread) {
            return;
        }
        Object c = clearance;
        if (c != t && c != EVERYONE) {
            notCleared();
        }
    }

    private static void notCleared() {
        try {
            slowCheckpoint.invokeExact();
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
        }
    }

    private static MethodHandle slowCheckpointHandle() {
        try {
            return MethodHandles.lookup().findStatic(Hooks.class, "checkpointSlow", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("Hooks.checkpointSlow", e);
        }
    }

    @SuppressWarnings("UnusedMethod") // called through slowCheckpoint, the handle found by name above
    private static void checkpointSlow() {
        try {
            AgentRuntime r = runtime;
            if (r != null) {
                r.checkpoint();
            }
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
        }
    }

    /**
     * Publishes whether the current mode reroutes marked methods; while it does not, {@link #offload} answers
     * at once.
     *
     * @param rerouted true while the current mode reroutes marked methods
     */
    public static void offloading(boolean rerouted) {
        offloading = rerouted;
    }

    /**
     * Entry of a marked method: runs the call elsewhere if the current mode says so and the caller is no
     * worker, and returns how it ended there; returns null to let the caller run the body inline, which is
     * also the answer when the runtime fails (it then has not run the call). Called by the offload advice on
     * any thread; never throws.
     *
     * @param type the class declaring the method
     * @param method the method's name followed by its descriptor, as {@link AgentRuntime#offload} gets it
     * @param receiver the instance, or null for a static method
     * @param arguments the arguments, primitives boxed
     * @return how the call ended elsewhere, or null if the caller must run the body inline
     */
    public static Offloaded offload(Class<?> type, String method, Object receiver, Object[] arguments) {
        if (!offloading || Thread.currentThread() instanceof WorkerThread) {
            return null;
        }
        try {
            AgentRuntime r = runtime;
            return r == null ? null : r.offload(type, method, receiver, arguments);
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
            return null;
        }
    }

    /**
     * Before a blocking call, made by instrumented code or at one of the JDK's blocking choke points
     * whoever calls it: releases the lock if the calling thread holds it, and returns true if it did, in
     * which case {@link #afterBlocking} must take it back. One volatile read while no lock is in force.
     * Never throws.
     *
     * @return true if the lock was released and must be taken back by {@link #afterBlocking}
     */
    public static boolean beforeBlocking() {
        if (clearance == EVERYONE) {
            return false;
        }
        try {
            AgentRuntime r = runtime;
            return r != null && r.beforeBlocking();
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
            return false;
        }
    }

    /**
     * As the calling thread ends (a JDK choke point): releases the lock if it holds it. One volatile read
     * while no lock is in force.
     */
    public static void threadEnds() {
        if (clearance == EVERYONE) {
            return;
        }
        try {
            AgentRuntime r = runtime;
            if (r != null) {
                r.threadEnds();
            }
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
        }
    }

    /**
     * After a blocking call, with what {@link #beforeBlocking} returned: takes the lock back if it was released.
     * Never throws.
     *
     * @param released what {@link #beforeBlocking} returned on this thread; false does nothing
     */
    public static void afterBlocking(boolean released) {
        retake(released, false);
    }

    /**
     * After {@code Object.wait}, with what {@link #beforeBlocking} returned: as {@link #afterBlocking}, for a
     * caller that holds the monitor it waited on ({@link AgentRuntime#afterWaiting}). Never throws.
     *
     * @param released what {@link #beforeBlocking} returned on this thread; false does nothing
     */
    public static void afterWaiting(boolean released) {
        retake(released, true);
    }

    private static void retake(boolean released, boolean holdsMonitor) {
        if (!released) {
            return;
        }
        try {
            AgentRuntime r = runtime;
            if (r == null) {
                return;
            }
            if (holdsMonitor) {
                r.afterWaiting();
            } else {
                r.afterBlocking();
            }
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
        }
    }

    /**
     * Installs what measures marked calls. Only the first call has an effect (until {@link #detach()}). Any
     * thread may call it.
     *
     * @param markedCallRecorder the agent's recorder; null installs nothing
     * @return true if {@code markedCallRecorder} was installed by this call
     */
    public static synchronized boolean record(MarkedCallRecorder markedCallRecorder) {
        if (recorder != null || markedCallRecorder == null) {
            return false;
        }
        recorder = markedCallRecorder;
        return true;
    }

    /**
     * Entry of a marked call, before {@link #offload}: the clock now, or 0 if the call is not measured (no
     * recorder, or the caller is a worker). A non-zero answer must be passed to {@link #markedEnd} on the same
     * thread, which ends the nesting it counts. Never throws.
     *
     * @return {@link System#nanoTime()} now (1 if that is 0), or 0 if the call is not measured
     */
    public static long markedStart() {
        if (recorder == null || Thread.currentThread() instanceof WorkerThread) {
            return 0;
        }
        MARKED_DEPTH.get()[0]++;
        long now = System.nanoTime();
        return now == 0 ? 1 : now; // 0 means "not measured"
    }

    /**
     * After {@link #offload} returned {@code offloaded}: the caller's CPU time now if the call is measured
     * ({@code started != 0}) and runs in the caller ({@code offloaded == null}), else 0. Never throws.
     *
     * @param started what {@link #markedStart} returned for the call
     * @param offloaded what {@link #offload} returned for the call
     * @return the caller's CPU time in nanoseconds, or 0 if it is not measured
     */
    public static long markedCpu(long started, Offloaded offloaded) {
        if (started == 0 || offloaded != null) {
            return 0;
        }
        try {
            MarkedCallRecorder r = recorder;
            return r == null ? 0 : r.threadCpuNanos();
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
            return 0;
        }
    }

    /**
     * Exit of a marked call, normal or exceptional, with what {@link #markedStart} and {@link #markedCpu}
     * returned for it: hands the call to the recorder; does nothing if it is not measured. Never throws.
     *
     * @param started what {@link #markedStart} returned for the call
     * @param cpuStarted what {@link #markedCpu} returned for the call
     * @param type the class declaring the method
     * @param method the method's name followed by its descriptor, as {@link AgentRuntime#offload} gets it
     * @param offloaded what {@link #offload} returned for the call
     * @param returned what the call returned, or null
     * @param thrown what the call threw, or null
     */
    public static void markedEnd(
            long started,
            long cpuStarted,
            Class<?> type,
            String method,
            Offloaded offloaded,
            Object returned,
            Throwable thrown) {
        if (started == 0) {
            return;
        }
        try {
            long nanos = System.nanoTime() - started;
            int[] depth = MARKED_DEPTH.get();
            depth[0] = Math.max(0, depth[0] - 1);
            MarkedCallRecorder r = recorder;
            if (r != null) {
                long cpu = cpuStarted == 0 ? 0 : r.threadCpuNanos() - cpuStarted;
                r.ended(
                        type,
                        method,
                        offloaded == null ? null : offloaded.mode(),
                        nanos,
                        cpu,
                        returned,
                        thrown,
                        depth[0] > 0);
            }
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
        }
    }

    /**
     * Throwables raised by the runtime and kept from the application since start-up.
     *
     * @return how many there have been
     */
    public static long failures() {
        return FAILURES.get();
    }

    /** Counts a throwable that advice or a wrapper kept from the application, in {@link #failures()}. */
    public static void recordFailure() {
        FAILURES.incrementAndGet();
    }
}
