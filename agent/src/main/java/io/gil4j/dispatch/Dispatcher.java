package io.gil4j.dispatch;

import io.gil4j.api.Mode;
import io.gil4j.bootstrap.Offloaded;
import io.gil4j.bootstrap.WorkerThread;
import io.gil4j.config.PoolConfig;
import io.gil4j.config.ProcessConfig;
import io.gil4j.config.Selection;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.mode.Rerouting;
import io.gil4j.pool.WorkerPool;
import io.gil4j.process.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The agent's {@link Rerouting}: the route of each rerouting mode, each built on its first call and kept
 * until the JVM shuts down, so that calls still running on a route when the mode changes finish there.
 *
 * <h2>Exit</h2>
 *
 * <p>At JVM exit ({@link #shutdown}) the JVM waits for the calls it would wait for without the agent, and
 * no others. A marked call whose caller is a daemon thread holds nothing: without the agent that thread
 * would simply stop. A call whose caller is not a daemon thread (the JVM exits by {@code System.exit}
 * while it runs) may finish for at most {@code shutdown.drain}, whichever route it is on. Then every route
 * stops at once, all in parallel: calls still queued fail, worker threads are left to the JVM's end, worker
 * processes are destroyed. Calls made after shutdown began run inline in their callers.
 *
 * <p>{@code held} counts the calls of non-daemon callers inside {@link #run}; a caller counts itself in
 * before it reads {@code shutDown}, and shutdown sets {@code shutDown} before it reads {@code held} (both
 * sequentially consistent), so a call either runs inline or is waited for.
 */
public final class Dispatcher implements Rerouting {

    /** How long stopping the routes may take after the drain: destroying worker processes and seeing them exit. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(3);

    private final PoolConfig pools;
    private final ProcessConfig processConfig;
    private final Selection selection;
    private final Consumer<InterpreterLock> newInterpreter;
    private volatile boolean shutDown;
    private final AtomicInteger held = new AtomicInteger();
    private final Object drained = new Object();
    private PoolRoute lane;
    private PoolRoute interpreters;
    private int interpreterLimit; // guarded by this
    private ProcessRoute processes;

    /**
     * @param selection the classes instrumented, whose instances may cross to worker JVMs by default
     * @param newInterpreter told of each interpreter's lock when its pool is built (the watchdog samples
     *     its hold time)
     */
    public Dispatcher(
            PoolConfig pools,
            ProcessConfig processConfig,
            Selection selection,
            Consumer<InterpreterLock> newInterpreter) {
        this.pools = pools;
        this.processConfig = processConfig;
        this.selection = selection;
        this.newInterpreter = newInterpreter;
        this.interpreterLimit = pools.workers();
    }

    @Override
    public Offloaded run(Mode mode, Class<?> type, String method, Object receiver, Object[] arguments)
            throws NoSuchMethodException {
        if (Thread.currentThread().isDaemon()) {
            return shutDown ? null : route(mode, type, method, receiver, arguments);
        }
        held.incrementAndGet();
        try {
            return shutDown ? null : route(mode, type, method, receiver, arguments);
        } finally {
            if (held.decrementAndGet() == 0 && shutDown) {
                synchronized (drained) {
                    drained.notifyAll();
                }
            }
        }
    }

    private Offloaded route(Mode mode, Class<?> type, String method, Object receiver, Object[] arguments)
            throws NoSuchMethodException {
        MarkedCall call = MarkedCall.of(type, method, receiver, arguments);
        return call.deliverable(runOn(mode, call));
    }

    private Offloaded runOn(Mode mode, MarkedCall call) {
        switch (mode) {
            case SEQUENTIAL:
                return lane().run(call);
            case INTERPRETERS:
                return interpreters().run(call);
            case PROCESSES:
                return processes().run(call);
            default:
                return null;
        }
    }

    private synchronized PoolRoute lane() {
        if (lane == null) {
            lane = new PoolRoute(pool(Mode.SEQUENTIAL, 1), PoolRoute.SHARED);
        }
        return lane;
    }

    private synchronized PoolRoute interpreters() {
        if (interpreters == null) {
            PoolRoute.Handoff handoff = pools.isolatedInterpreters() ? new ClassLoaderIsolation() : PoolRoute.SHARED;
            interpreters = new PoolRoute(pool(Mode.INTERPRETERS, pools.workers()), handoff);
            interpreters.pool().limitWorkers(interpreterLimit);
        }
        return interpreters;
    }

    /**
     * Lets only {@code limit} of the {@code interpreters} pool's workers take calls, from each worker's next
     * call on (see {@link WorkerPool#limitWorkers}), now or once the pool is built; for measuring how the
     * throughput scales with workers.
     *
     * @throws IllegalArgumentException if {@code limit} is not from 1 to {@code gil4j.workers}
     */
    public synchronized void limitInterpreters(int limit) {
        if (limit < 1 || limit > pools.workers()) {
            throw new IllegalArgumentException(
                    "a worker limit from 1 to gil4j.workers (" + pools.workers() + "), not " + limit);
        }
        interpreterLimit = limit;
        if (interpreters != null) {
            interpreters.pool().limitWorkers(limit);
        }
    }

    /** The {@code interpreters} pool's workers: {@code gil4j.workers}. */
    public int interpreterWorkers() {
        return pools.workers();
    }

    /** How many of the {@code interpreters} workers may take calls: {@code gil4j.workers} unless limited. */
    public synchronized int interpreterLimit() {
        return interpreterLimit;
    }

    private synchronized ProcessRoute processes() {
        if (processes == null) {
            processes = ProcessRoute.start(processConfig, selection);
        }
        return processes;
    }

    /** The pool of {@code mode}'s route, named after it. */
    private WorkerPool pool(Mode mode, int workers) {
        String name = mode.configName();
        WorkerPool pool = new WorkerPool(name, workers, pools.queue(), pools.policy(), workerThreads(name));
        pool.interpreters().forEach(newInterpreter);
        return pool;
    }

    /** The thread pools of the routes built so far: the sequential lane and the interpreters, as built. */
    public synchronized List<WorkerPool> workerPools() {
        List<WorkerPool> pools = new ArrayList<>(2);
        for (PoolRoute route : new PoolRoute[] {lane, interpreters}) {
            if (route != null) {
                pools.add(route.pool());
            }
        }
        return pools;
    }

    /** The worker-process pool, or null until the first call in {@code processes} mode built it. */
    public synchronized ProcessPool processPool() {
        return processes == null ? null : processes.pool();
    }

    private static ThreadFactory workerThreads(String pool) {
        AtomicInteger next = new AtomicInteger();
        return body -> new WorkerThread(body, "gil4j-" + pool + "-" + next.getAndIncrement());
    }

    /**
     * For JVM exit: waits at most {@code shutdown.drain} for the calls of non-daemon callers; later calls run
     * inline. The routes are not stopped: their worker threads are daemons and the worker processes exit
     * when this JVM's end closes their connections, so calls of daemon callers are served for as long as the
     * JVM still runs (a servlet container's graceful shutdown, itself a shutdown hook, waits for requests
     * whose marked calls are queued) and end with it, as they would without the agent. Call once.
     */
    public void shutdown() {
        shutDown = true;
        long deadline = System.nanoTime() + pools.shutdownDrain().toNanos();
        synchronized (drained) {
            for (long left = deadline - System.nanoTime();
                    held.get() > 0 && left > 0;
                    left = deadline - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(drained, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    /**
     * For a detach, after the switch to {@code native}: the JVM goes on, so every call already rerouted, of
     * any caller, may finish within {@code shutdown.drain} (a request thread of a servlet container is a
     * daemon, and its call must not fail because the agent leaves); then every route stops, in parallel.
     * Later calls run inline. Call once, instead of {@link #shutdown}.
     */
    public void close() {
        shutDown = true;
        stopRoutes(pools.shutdownDrain());
    }

    /** Stops every route built so far, in parallel, each draining for at most {@code drain}. */
    private void stopRoutes(Duration drain) {
        List<Runnable> stops = new ArrayList<>();
        workerPools().forEach(pool -> stops.add(() -> pool.shutdown(drain)));
        ProcessPool workers = processPool();
        if (workers != null) {
            stops.add(() -> workers.shutdown(drain));
        }
        List<Thread> stopping = new ArrayList<>();
        for (Runnable stop : stops) {
            Thread thread = new Thread(stop, "gil4j-shutdown-route");
            thread.setDaemon(true);
            thread.start();
            stopping.add(thread);
        }
        long stopDeadline = System.nanoTime() + drain.toNanos() + STOP_BOUND.toNanos();
        for (Thread thread : stopping) {
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, stopDeadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
