package io.gil4j.pool;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import io.gil4j.offload.WorkerStackTrace;
import io.gil4j.stats.DurationHistogram;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads, each with an interpreter of its own, that run marked calls for their
 * callers: the JVM counterpart of Python's {@code InterpreterPoolExecutor} (one worker: the
 * {@code sequential} mode; N workers: the {@code interpreters} mode).
 *
 * <h2>Design</h2>
 *
 * <p><b>Parts.</b> One bounded FIFO {@link CallQueue} feeds {@code workers} daemon threads, made by the
 * given {@link ThreadFactory} on the first submission. Worker {@code i} owns {@code interpreters().get(i)},
 * an {@link InterpreterLock} no other thread takes: it acquires it before each call and releases it
 * ({@link SwitchReason#EXIT}) after, so each interpreter's counters describe its worker. Each submission is
 * a {@link PooledCall}, whose state moves {@code QUEUED → RUNNING → DONE}, or {@code QUEUED → CANCELLED},
 * or {@code QUEUED → REJECTED}.
 *
 * <p><b>Who calls what.</b> Any thread but this pool's workers calls {@link #call} and {@link #submit} (a
 * worker runs nested work inline: see {@link #isWorkerThread}); any thread calls {@link #shutdown},
 * {@link #stats} and {@link #interpreters}.
 * A submission first goes through the queue's admission: under its lock the queue is open or closed, and
 * full or not, so the {@link QueuePolicy} decides on a consistent view. A worker takes the head and claims
 * it with the CAS {@code QUEUED → RUNNING}; it runs the work with its interpreter held, stores the outcome
 * and publishes {@code DONE}, which unparks the caller in {@link #call} or completes the future of
 * {@link #submit}.
 *
 * <p><b>The cancel/start race.</b> A caller interrupted while its call is queued, or anyone completing the
 * future of {@link #submit} before the call started, tries the CAS {@code QUEUED → CANCELLED}; the worker
 * tries {@code QUEUED → RUNNING}. Exactly one succeeds. If the cancel wins, the call is taken out of the
 * queue (its room is free at once) and a worker that already dequeued it skips it; if the start wins, the
 * call runs to the end, the caller of {@link #call} keeps waiting without interruption and finds its
 * interrupt flag set afterwards, and the result of a cancelled future is dropped. So no call is lost, and
 * none runs twice.
 *
 * <p><b>Shutdown.</b> {@link #shutdown(Duration)} closes the queue (later submissions, and submitters
 * still waiting for room, are rejected), and waits up to its bound for the workers, which drain the queue
 * and end once it is empty. Then it takes whatever is still queued and rejects each call with the CAS
 * {@code QUEUED → REJECTED}, which races a worker's start the same way a cancel does; the callers wake
 * with {@link RejectedExecutionException}. A call still running at the bound runs to its end on its
 * daemon worker, and its caller receives its outcome.
 *
 * <p><b>Worker limit.</b> {@link #limitWorkers} lets only workers {@code 0..limit-1} take calls (what a
 * pool built with fewer workers would do, without rebuilding it, for measuring how throughput scales). A
 * worker checks the limit, a volatile read, before each take; one above it waits on {@code limitChanged}
 * until the limit rises or the pool shuts down. A worker already waiting in the queue when the limit falls
 * takes one more call: the limit holds from each worker's next call on, and no call is lost or run twice.
 *
 * <p><b>Invariants.</b> Every submitted call ends exactly once: completed or failed on a worker,
 * cancelled, rejected, or run by its caller ({@link QueuePolicy#CALLER_RUNS}); each ending is counted once,
 * before the caller learns of it. With one worker, calls start in the order they entered the queue.
 * Workers are daemon threads: the pool never keeps the JVM alive. No caller waits forever on a pool that
 * has been shut down.
 *
 * <p><b>Counters.</b> {@link LongAdder}s, so the many writers do not contend on one cache line; the queue
 * depth is a volatile field written under the queue's lock; each worker records its call's time in the
 * queue in a {@link DurationHistogram}. {@link #stats()} reads them without stopping anyone, and reads the
 * CPU time of the workers from the JVM then: a worker runs nothing but calls, so the calls' CPU time costs
 * the calls nothing to measure.
 */
public final class WorkerPool {

    /** The switch interval of each worker's interpreter: CPython's default. */
    private static final long INTERPRETER_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Check points between re-takes of a LEGACY lock; the interpreters use NEW, which ignores it. */
    private static final int INTERPRETER_CHECK_INTERVAL = 100;

    /** How long a caller spins for its outcome before it parks. */
    private static final long CALLER_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final String name;
    private final QueuePolicy policy;
    private final ThreadFactory threadFactory;
    private final CallQueue queue;
    private final List<InterpreterLock> interpreters;

    private final Object startLock = new Object();
    private volatile Thread[] workers = new Thread[0]; // replaced, never changed, under startLock
    private volatile boolean shutDown;
    private final Object limitChanged = new Object();
    private volatile int limit; // written under limitChanged

    private final LongAdder submitted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder ranInCaller = new LongAdder();
    private final LongAdder busyWorkers = new LongAdder();
    private final DurationHistogram queueWaits = new DurationHistogram();

    /**
     * Creates a pool; no thread starts until the first submission.
     *
     * @param name the pool's name, for messages and metrics (for example {@code interpreters})
     * @param workers how many worker threads, at least 1
     * @param queueCapacity how many calls may wait for a worker, at least 1
     * @param policy what a submission does when the queue is full
     * @param threadFactory makes the worker threads; the pool makes each a daemon before starting it
     */
    public WorkerPool(String name, int workers, int queueCapacity, QueuePolicy policy, ThreadFactory threadFactory) {
        if (workers < 1) {
            throw new IllegalArgumentException("pool '" + name + "': workers below 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("pool '" + name + "': queue capacity below 1: " + queueCapacity);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        this.queue = new CallQueue(queueCapacity);
        List<InterpreterLock> locks = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            locks.add(new InterpreterLock(
                    Algorithm.NEW,
                    INTERPRETER_INTERVAL_NANOS,
                    INTERPRETER_CHECK_INTERVAL,
                    ClearanceListener.IGNORE,
                    HoldTiming.EVERY));
        }
        this.interpreters = List.copyOf(locks);
        this.limit = workers;
    }

    /** A factory of daemon threads named {@code gil4j-<poolName>-<i>}, {@code i} counting from 0. */
    public static ThreadFactory daemonThreads(String poolName) {
        AtomicInteger next = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "gil4j-" + poolName + "-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The pool's name. */
    public String name() {
        return name;
    }

    /**
     * Runs {@code work} on a worker and returns its value, blocking until it is done. Under
     * {@link QueuePolicy#CALLER_RUNS} with the queue full, runs it inline instead.
     *
     * <p>Not for this pool's own workers (see {@link #isWorkerThread()}): they run nested work inline.
     *
     * <p>Interrupts: if the caller is interrupted while its call is queued (or waits for room under
     * {@link QueuePolicy#BLOCK}), the call is cancelled and never runs, the interrupt flag is set again,
     * and this throws {@link CancellationException}. Once the call runs, an interrupt does not cut the wait
     * short: the caller waits for the outcome and finds its interrupt flag set afterwards.
     *
     * @return what {@code work} returned
     * @throws Throwable exactly what {@code work} threw, the same object, with the caller's stack and the
     *     worker's stack attached by {@link WorkerStackTrace#attach}
     * @throws CancellationException if the caller was interrupted before the call started
     * @throws RejectedExecutionException if the queue was full under {@link QueuePolicy#REJECT}, the pool
     *     is shut down, or shutdown gave up on the call while it was queued
     * @throws IllegalStateException if called from one of this pool's workers
     */
    public Object call(Callable<Object> work) throws Throwable {
        PooledCall call = PooledCall.awaitedByCurrentThread(work);
        if (!admit(call)) {
            return runInCaller(work);
        }
        awaitBriefly(call);
        boolean interrupted = false;
        while (!call.isSettled()) {
            LockSupport.park(call);
            if (Thread.interrupted()) {
                if (cancel(call)) {
                    Thread.currentThread().interrupt();
                    throw cancelledBeforeStart("its caller was interrupted while it was queued");
                }
                interrupted = true; // it runs: wait for it, and set the flag again afterwards
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (call.state() == PooledCall.REJECTED) {
            throw new RejectedExecutionException(abandonedMessage());
        }
        Throwable failure = call.failure();
        if (failure != null) {
            throw WorkerStackTrace.attach(failure, call.worker(), new Throwable().getStackTrace());
        }
        return call.value();
    }

    /**
     * Spins for at most {@link #CALLER_SPIN_NANOS} while {@code call} settles: a short call then returns
     * without the caller being parked and woken, which on a loaded machine costs several microseconds.
     */
    private static void awaitBriefly(PooledCall call) {
        long deadline = System.nanoTime() + CALLER_SPIN_NANOS;
        while (!call.isSettled() && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }

    /**
     * Queues {@code work} for a worker and returns a future of its outcome: completed on the worker with the
     * value, or exceptionally with exactly what {@code work} threw, unchanged (its stack is the worker's).
     * Stages chained on the future without an executor run on the worker, outside its interpreter. Under
     * {@link QueuePolicy#CALLER_RUNS} with the queue full, runs the work inline and returns a completed
     * future; under {@link QueuePolicy#BLOCK}, waits for room. Not for this pool's own workers (see
     * {@link #isWorkerThread()}).
     *
     * <p>Completing the future before the call has started, by {@link CompletableFuture#cancel} or any
     * other way, cancels the call: it never runs. Completing it later only drops the outcome.
     *
     * @throws CancellationException if interrupted while waiting for room in the queue (the flag is set
     *     again)
     * @throws RejectedExecutionException if the queue was full under {@link QueuePolicy#REJECT} or the pool
     *     is shut down
     * @throws IllegalStateException if called from one of this pool's workers
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a callback registered: it cancels, never fails
    public CompletableFuture<Object> submit(Callable<Object> work) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        PooledCall call = PooledCall.completing(work, future);
        if (!admit(call)) {
            try {
                return CompletableFuture.completedFuture(runInCaller(work));
            } catch (Throwable failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
        future.whenComplete((value, failure) -> cancel(call));
        return future;
    }

    /**
     * True when the current thread is one of this pool's workers. A caller that may be on a worker — a
     * marked method called from a marked method — must ask first and, if so, run the work inline, in the
     * interpreter the worker already holds. Queued behind its own worker, the call could wait forever (with
     * one worker it always would, and a worker waiting for room in a full queue that only workers drain
     * would too), so {@link #call} and {@link #submit} refuse workers with {@link IllegalStateException}
     * rather than deadlock. Reads one volatile array of at most {@code workers} threads.
     */
    public boolean isWorkerThread() {
        Thread me = Thread.currentThread();
        for (Thread worker : workers) {
            if (worker == me) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the pool, for the JVM's shutdown: later submissions are rejected at once; queued and running
     * calls may finish for at most {@code bound}; then every call still queued is rejected, so that no
     * caller waits forever. Calls running at the bound go on, on their daemon workers. Returns within about
     * {@code bound}, sooner if the queue empties and the workers end. Idempotent. If interrupted while
     * waiting, stops waiting, rejects what is queued and sets the interrupt flag again.
     */
    public void shutdown(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        shutDown = true;
        queue.close();
        synchronized (limitChanged) {
            limitChanged.notifyAll(); // workers above the limit drain the queue too
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedJoin(worker, left);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        RejectedExecutionException reason = new RejectedExecutionException(abandonedMessage());
        for (PooledCall call : queue.drain()) {
            if (call.reject(reason)) {
                rejected.increment();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lets only the first {@code limit} workers take calls from now on (each worker's next call; see the
     * design comment), the others waiting until it rises again. The pool starts with every worker. Any
     * thread.
     *
     * @throws IllegalArgumentException if {@code limit} is not from 1 to the pool's workers
     */
    public void limitWorkers(int limit) {
        if (limit < 1 || limit > interpreters.size()) {
            throw new IllegalArgumentException(
                    "pool '" + name + "': a worker limit from 1 to " + interpreters.size() + ", not " + limit);
        }
        synchronized (limitChanged) {
            this.limit = limit;
            limitChanged.notifyAll();
        }
    }

    /** How many workers may take calls: the pool's workers unless {@link #limitWorkers} said fewer. */
    public int workerLimit() {
        return limit;
    }

    /** The interpreter of each worker, worker {@code i} at index {@code i}; they exist before the workers start. */
    public List<InterpreterLock> interpreters() {
        return interpreters;
    }

    /** The counters now; see {@link PoolStats}. */
    public PoolStats stats() {
        Thread[] started = workers;
        return new PoolStats(
                submitted.sum(),
                completed.sum(),
                failed.sum(),
                cancelled.sum(),
                rejected.sum(),
                ranInCaller.sum(),
                queue.depth(),
                queue.capacity(),
                started.length,
                busyWorkers.intValue(),
                queueWaits.snapshot(),
                cpuNanos(started));
    }

    /** The CPU time the given workers have used, as far as the JVM measures thread CPU time; 0 if it does not. */
    private static long cpuNanos(Thread[] started) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long sum = 0;
        for (Thread worker : started) {
            sum += Math.max(0, threads.getThreadCpuTime(worker.getId()));
        }
        return sum;
    }

    /**
     * Refuses a worker of this pool, starts the workers if they are not all running, counts the call as
     * submitted, and queues it as the policy says. Returns false if the caller must run it itself
     * ({@link QueuePolicy#CALLER_RUNS}, queue full); throws, having counted the call's end, if it was
     * cancelled or rejected.
     */
    private boolean admit(PooledCall call) {
        if (isWorkerThread()) {
            throw new IllegalStateException(Thread.currentThread().getName() + " is a worker of pool '" + name
                    + "': a nested call must run inline (ask isWorkerThread() first)");
        }
        startWorkers();
        submitted.increment();
        CallQueue.Admission admission;
        if (policy == QueuePolicy.BLOCK) {
            try {
                admission = queue.put(call);
            } catch (InterruptedException e) {
                cancelled.increment();
                Thread.currentThread().interrupt();
                throw cancelledBeforeStart("its caller was interrupted while it waited for room in the queue");
            }
        } else {
            admission = queue.offer(call);
        }
        if (admission == CallQueue.Admission.ACCEPTED) {
            return true;
        }
        if (admission == CallQueue.Admission.FULL && policy == QueuePolicy.CALLER_RUNS) {
            return false;
        }
        rejected.increment();
        throw new RejectedExecutionException(admission == CallQueue.Admission.FULL ? fullMessage() : shutDownMessage());
    }

    private Object runInCaller(Callable<Object> work) throws Exception {
        try {
            return work.call();
        } finally {
            ranInCaller.increment();
        }
    }

    /** Cancels a call that has not started: it leaves the queue and is counted. False if it started. */
    private boolean cancel(PooledCall call) {
        if (!call.cancel()) {
            return false;
        }
        queue.remove(call);
        cancelled.increment();
        return true;
    }

    /** Starts the missing workers, unless the pool is shut down; the fast path is one volatile read. */
    private void startWorkers() {
        if (workers.length == interpreters.size()) {
            return;
        }
        synchronized (startLock) {
            Thread[] started = workers;
            for (int i = started.length; i < interpreters.size() && !shutDown; i++) {
                int index = i;
                Thread thread = threadFactory.newThread(() -> runWorker(index));
                if (thread == null) {
                    throw new RejectedExecutionException("pool '" + name + "': the thread factory made no thread");
                }
                thread.setDaemon(true);
                thread.start();
                started = Arrays.copyOf(started, i + 1);
                started[i] = thread;
                workers = started;
            }
        }
    }

    /**
     * A worker's life: take calls, within the limit, until the queue is closed and empty, running each with
     * its interpreter held.
     */
    private void runWorker(int index) {
        InterpreterLock interpreter = interpreters.get(index);
        String me = Thread.currentThread().getName();
        for (PooledCall call = nextCall(index); call != null; call = nextCall(index)) {
            if (!call.start()) {
                continue; // cancelled or rejected after it was dequeued
            }
            queueWaits.record(System.nanoTime() - call.createdNanos);
            busyWorkers.increment();
            Thread.interrupted(); // an interrupt left by the previous call is not this call's
            Object value = null;
            Throwable failure = null;
            try {
                interpreter.acquire(); // false only if someone disabled it: the call then runs without it
                value = call.work.call();
            } catch (Throwable thrown) {
                failure = thrown;
            } finally {
                interpreter.release(SwitchReason.EXIT);
            }
            busyWorkers.decrement();
            (failure == null ? completed : failed).increment();
            call.finish(me, value, failure);
        }
    }

    /** The next call for worker {@code index}, once the limit lets it take one; null once the queue is done. */
    private PooledCall nextCall(int index) {
        if (index >= limit && !shutDown) {
            synchronized (limitChanged) {
                while (index >= limit && !shutDown) {
                    try {
                        limitChanged.wait();
                    } catch (InterruptedException e) {
                        // nobody interrupts a worker to stop it (shutdown closes the queue): wait on
                    }
                }
            }
        }
        return queue.take();
    }

    private CancellationException cancelledBeforeStart(String why) {
        return new CancellationException("pool '" + name + "': the call was cancelled before it started: " + why);
    }

    private String fullMessage() {
        return "pool '" + name + "' rejected a call: its queue is full (" + queue.capacity()
                + " calls, gil4j.pool.queue=" + queue.capacity() + ") and gil4j.pool.policy=" + policy.configValue()
                + "; raise gil4j.pool.queue, or set gil4j.pool.policy to " + QueuePolicy.BLOCK.configValue()
                + " or " + QueuePolicy.CALLER_RUNS.configValue();
    }

    private String shutDownMessage() {
        return "pool '" + name + "' rejected a call: the pool is shut down (the JVM is shutting down)";
    }

    private String abandonedMessage() {
        return "pool '" + name + "' rejected a call still queued when its shutdown bound ran out (the JVM is"
                + " shutting down)";
    }

    @Override
    public String toString() {
        return "WorkerPool[" + name + ", " + interpreters.size() + " workers, queue " + queue.depth() + "/"
                + queue.capacity() + ", " + policy.configValue() + (shutDown ? ", shut down" : "") + "]";
    }
}
