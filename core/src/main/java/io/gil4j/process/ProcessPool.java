package io.gil4j.process;

import io.gil4j.crossing.AllowList;
import io.gil4j.crossing.NotShareableException;
import io.gil4j.crossing.SerialCodec;
import io.gil4j.crossing.SerialLimits;
import io.gil4j.stats.DurationHistogram;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs method calls in worker JVMs — the counterpart of Python's {@code ProcessPoolExecutor}, for calls the
 * agent reroutes from "marked" methods.
 *
 * <h2>Design</h2>
 *
 * <p><b>A worker's states</b> ({@code Worker.State}):
 *
 * <pre>
 *   STARTING --connected--> IDLE --send--> BUSY --reply--> IDLE
 *                            |                               (maxTasks reached, or pool closed)
 *                            +--retire--> RETIRING --EOF--> DEAD
 *   any state --connection lost / process exited / killed--> DEAD
 * </pre>
 *
 * STARTING: the process exists, its authenticated connection is awaited (in the calling thread, by {@code
 * WorkerLauncher}); IDLE: in the pool's idle queue; BUSY: one call in flight, the worker held by the calling
 * thread; RETIRING: its connection closed by the pool so it exits (destroyed if it has not within a grace);
 * DEAD: connection gone; never used again.
 *
 * <p><b>Who calls what.</b> A calling thread, in {@link #invoke}: encodes the call (failing fast if a value
 * cannot cross); takes an idle worker, or starts one if fewer than {@code workers} are live, or waits a
 * bounded time; sends; waits for the reply future; decodes it; gives the worker back, which puts it back in
 * the idle queue or retires it. A worker's reader thread: completes the reply future, or on end of
 * connection fails it with {@link WorkerDiedException} and tells the pool ({@code ended}), which drops the
 * worker from the idle queue. {@link #shutdown}: closes the pool to new calls, retires idle workers, waits
 * for calls in flight within its grace, then destroys every process left and waits for it to exit.
 *
 * <p><b>Bookkeeping.</b> {@code live} counts workers starting, idle or held by a caller, and is at most
 * {@code workers}. It is guarded by {@code lock}, together with the idle queue and {@code closed}. A worker
 * is owned either by the idle queue or by one calling thread, and only its owner takes it out of {@code
 * live}: the caller when it gives it back dead, retired or after close; the reader's {@code ended} only if it
 * finds the worker still in the idle queue; {@link #shutdown} for the idle workers it drains. A dead worker
 * found in the idle queue by a caller is dropped by that caller. {@code running} holds every worker whose
 * process has not exited, for shutdown to stop.
 *
 * <p><b>Counters.</b> Calls and failures are {@link LongAdder}s; each call's wait for a worker (to start
 * one, if it must) is recorded in a {@link DurationHistogram} when the call is sent. {@link #stats()} reads
 * the gauges under {@code lock}, and asks the operating system for each live worker's CPU time, adding the
 * last seen of every worker that has exited.
 *
 * <p><b>Invariants.</b> Every call ends exactly once: by its reply, or by the {@link WorkerDiedException}
 * of its connection's end — whichever completes its future first (the pending call is taken under the
 * worker's monitor by exactly one of them). No caller waits on a dead worker: the reader fails the pending
 * call whenever the connection ends, the connection ends when the process exits (a killed process's
 * socket is closed by the operating system, and the pool also closes it on {@link Process#onExit()}), and a
 * caller only sends to a worker that is IDLE under the same monitor. A call that found its worker dead
 * before sending is retried on another, since it was not sent. Shutdown never hangs: every wait in it is
 * bounded, and what is left is destroyed.
 */
public final class ProcessPool implements AutoCloseable {

    /** How long a retired worker may take to exit before it is destroyed. */
    private static final Duration RETIRE_GRACE = Duration.ofSeconds(5);
    /** How long {@link #close()} lets calls in flight finish. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    /** How long shutdown waits for a destroyed process to exit. */
    private static final long KILL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final int workers;
    private final int maxTasksPerWorker;
    private final Duration workerWait;
    private final SerialCodec codec;
    private final WorkerLauncher launcher;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private int live;
    private int waiting;
    private boolean closed;

    private final Set<Worker> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong workerStarts = new AtomicLong();
    private final AtomicLong workerDeaths = new AtomicLong();
    private final AtomicLong totalStartupNanos = new AtomicLong();
    private volatile long lastStartupNanos;
    private final DurationHistogram waits = new DurationHistogram();
    private final AtomicLong exitedCpuNanos = new AtomicLong();

    private ProcessPool(Builder builder) {
        this.workers = builder.workers;
        this.maxTasksPerWorker = builder.maxTasksPerWorker;
        this.workerWait = builder.workerWait;
        this.codec = new SerialCodec(builder.allowList, builder.limits);
        this.launcher = new WorkerLauncher(builder.command, codec, builder.startTimeout);
    }

    /**
     * A builder for a pool whose workers run {@code command} (the JVM and its options, ending with a main
     * class that calls {@link WorkerMain#run}); the pool appends where the worker finds it.
     */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /**
     * Runs {@code call} on a worker and returns what it returned, or throws what it threw (with the caller's
     * stack and the worker's kept, see {@link io.gil4j.offload.WorkerStackTrace}). Any thread may call it;
     * calls run in parallel up to the pool's size. Starts a worker if none is idle and fewer than the pool's
     * size are live; otherwise waits for one, at most the builder's {@code workerWait}. The wait for the
     * reply is not interruptible: the call is running and only its end can be reported.
     *
     * @throws NotShareableException if the receiver, an argument or the result cannot cross
     * @throws WorkerDiedException if the worker ended before replying, or could not start
     * @throws RejectedExecutionException if the pool is shut down, or no worker was free in time
     * @throws InterruptedException if interrupted while waiting for a free worker (the call was not sent)
     * @throws Throwable whatever the method threw
     */
    public Object invoke(Call call) throws Throwable {
        StackTraceElement[] callerStack = new Throwable().getStackTrace();
        calls.increment();
        try {
            byte[] payload = codec.encode("to a worker for " + call, call::writeTo);
            long start = System.nanoTime();
            long deadline = start + workerWait.toNanos();
            while (true) {
                Worker worker = acquire(call, deadline);
                CompletableFuture<Frame> reply = worker.send(ids.incrementAndGet(), payload, call);
                try {
                    if (reply != null) {
                        waits.record(System.nanoTime() - start);
                        return Reply.unwrap(await(reply, callerStack), call, codec, worker.name(), callerStack);
                    }
                } finally {
                    release(worker);
                }
            }
        } catch (Throwable t) {
            failures.increment();
            throw t;
        }
    }

    /**
     * Stops the pool: new calls are rejected at once, as are calls waiting for a free worker; idle workers
     * are retired; calls in flight get until {@code grace} has passed; then every worker process left is
     * destroyed, which fails its call with {@link WorkerDiedException}, and waited for (bounded). Returns
     * within about {@code grace} plus two seconds. Any thread may call it, more than once.
     *
     * @return {@code true} if no call in flight was cut off
     */
    public boolean shutdown(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Worker> drained;
        boolean cutOff;
        lock.lock();
        try {
            closed = true;
            drained = new ArrayList<>(idle);
            idle.clear();
            live -= drained.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        drained.forEach(worker -> worker.retire(grace));
        lock.lock();
        try {
            long left = deadline - System.nanoTime();
            while (live > 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
            cutOff = live > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cutOff = live > 0;
        } finally {
            lock.unlock();
        }
        awaitExit(deadline);
        running.forEach(worker -> worker.kill("the pool's shutdown"));
        awaitExit(System.nanoTime() + KILL_WAIT_NANOS);
        return !cutOff;
    }

    /** {@link #shutdown} with a grace of 5 seconds. */
    @Override
    public void close() {
        shutdown(CLOSE_GRACE);
    }

    /** The counters now. Any thread; not an atomic snapshot across counters. */
    public ProcessPoolStats stats() {
        int liveNow;
        int idleNow;
        int waitingNow;
        lock.lock();
        try {
            liveNow = live;
            idleNow = idle.size();
            waitingNow = waiting;
        } finally {
            lock.unlock();
        }
        long cpu = exitedCpuNanos.get();
        for (Worker worker : running) {
            cpu += worker.cpuNanos();
        }
        long starts = workerStarts.get();
        return new ProcessPoolStats(
                calls.sum(),
                failures.sum(),
                starts,
                workerDeaths.get(),
                Math.max(0, starts - workers),
                lastStartupNanos,
                totalStartupNanos.get(),
                workers,
                liveNow,
                liveNow - idleNow,
                waitingNow,
                rejected.sum(),
                waits.snapshot(),
                cpu);
    }

    private Worker acquire(Call call, long deadline) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    rejected.increment();
                    throw new RejectedExecutionException("the process pool is shut down; " + call + " was not run");
                }
                Worker worker = idle.pollFirst();
                if (worker != null && !worker.isDead()) {
                    return worker;
                } else if (worker != null) {
                    live--; // died while idle, before its reader told us
                } else if (live < workers) {
                    live++;
                    break;
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        rejected.increment();
                        throw new RejectedExecutionException(
                                "no worker was free within " + workerWait + " for " + call);
                    }
                    waiting++;
                    try {
                        changed.awaitNanos(left);
                    } finally {
                        waiting--;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        return start();
    }

    /** Starts a worker for a slot already counted in {@code live}; gives the slot back if it fails. */
    private Worker start() {
        try {
            Worker worker = launcher.launch(this::ended, this::register);
            long nanos = worker.startupNanos();
            lastStartupNanos = nanos;
            totalStartupNanos.addAndGet(nanos);
            workerStarts.incrementAndGet();
            return worker;
        } catch (RuntimeException e) {
            lock.lock();
            try {
                live--;
                if (!closed) {
                    workerDeaths.incrementAndGet();
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** Called by the launcher as soon as the process exists. */
    @SuppressWarnings("FutureReturnValueIgnored") // a callback registered on the exit; nothing waits on it
    private void register(Worker worker) {
        running.add(worker);
        worker.process().onExit().thenRun(() -> {
            running.remove(worker);
            exitedCpuNanos.addAndGet(worker.cpuNanos());
        });
        boolean stop;
        lock.lock();
        try {
            stop = closed;
        } finally {
            lock.unlock();
        }
        if (stop) {
            worker.kill("the pool's shutdown");
        }
    }

    /** Gives back a worker taken by {@link #acquire}: to the idle queue, or out of the pool. */
    private void release(Worker worker) {
        boolean retire = false;
        lock.lock();
        try {
            if (worker.isDead()) {
                live--;
            } else if (closed || (maxTasksPerWorker > 0 && worker.completed() >= maxTasksPerWorker)) {
                live--;
                retire = true;
            } else {
                idle.addLast(worker);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (retire) {
            worker.retire(RETIRE_GRACE);
        }
    }

    /** {@link Worker.Listener}: on the worker's reader thread. */
    private void ended(Worker worker, boolean unexpected) {
        if (unexpected) {
            workerDeaths.incrementAndGet();
        }
        lock.lock();
        try {
            if (idle.remove(worker)) {
                live--;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static Frame await(CompletableFuture<Frame> reply, StackTraceElement[] callerStack) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            WorkerDiedException died = (WorkerDiedException) e.getCause();
            died.setStackTrace(callerStack);
            throw died;
        }
    }

    /** Waits, until {@code deadline} at the latest, for every worker process to exit. */
    private void awaitExit(long deadline) {
        for (Worker worker : List.copyOf(running)) {
            try {
                worker.process().onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return; // the rest are destroyed, or already were
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Configures a {@link ProcessPool}. Not thread-safe. */
    public static final class Builder {

        private final List<String> command;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int maxTasksPerWorker;
        private AllowList allowList = AllowList.of(List.of());
        private SerialLimits limits = SerialLimits.DEFAULTS;
        private Duration startTimeout = Duration.ofSeconds(30);
        private Duration workerWait = Duration.ofSeconds(60);

        private Builder(List<String> command) {
            if (command.isEmpty()) {
                throw new IllegalArgumentException("the worker command is empty");
            }
            this.command = List.copyOf(command);
        }

        /** The most worker processes at once; default: the number of available processors. */
        public Builder workers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("workers must be at least 1: " + count);
            }
            this.workers = count;
            return this;
        }

        /** Calls after which a worker is retired and later replaced; 0 (the default) for no limit. */
        public Builder maxTasksPerWorker(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maxTasksPerWorker must not be negative: " + count);
            }
            this.maxTasksPerWorker = count;
            return this;
        }

        /** Class-name globs allowed to cross besides the built-in ones (see {@link AllowList}). */
        public Builder allow(String... globs) {
            this.allowList = AllowList.of(List.of(globs));
            return this;
        }

        /** Bounds on each serialized value; default {@link SerialLimits#DEFAULTS}. */
        public Builder limits(SerialLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** How long a worker may take from spawn to authenticated connection; default 30 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = positive(timeout, "startTimeout");
            return this;
        }

        /** How long a call may wait for a free worker; default 60 s. */
        public Builder workerWait(Duration wait) {
            this.workerWait = positive(wait, "workerWait");
            return this;
        }

        /** A pool with this configuration; it starts no worker until the first call. */
        public ProcessPool build() {
            return new ProcessPool(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
