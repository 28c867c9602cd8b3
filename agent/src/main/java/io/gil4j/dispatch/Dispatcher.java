package io.gil4j.dispatch;

import io.gil4j.bootstrap.Offloaded;
import io.gil4j.bootstrap.WorkerThread;
import io.gil4j.config.Config;
import io.gil4j.config.Selection;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.mode.Mode;
import io.gil4j.mode.Rerouting;
import io.gil4j.pool.QueuePolicy;
import io.gil4j.pool.WorkerPool;
import io.gil4j.process.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The agent's {@link Rerouting}: the route of each rerouting mode, each built on its first call and kept
 * until the JVM shuts down, so that calls still running on a route when the mode changes finish there.
 *
 * <p>At shutdown ({@link #shutdown}) each route drains within {@link #SHUTDOWN_BOUND}: calls still queued
 * then fail, and calls made afterwards run inline in their callers.
 */
public final class Dispatcher implements Rerouting {

    /** How long shutdown lets queued and running calls finish. */
    static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(5);

    private final Config config;
    private final Selection selection;
    private final Consumer<InterpreterLock> newInterpreter;
    private volatile boolean shutDown;
    private PoolRoute lane;
    private PoolRoute interpreters;
    private ProcessRoute processes;

    /**
     * @param selection the classes instrumented, whose instances may cross to worker JVMs by default
     * @param newInterpreter told of each interpreter's lock when its pool is built (the watchdog samples
     *     its hold time)
     */
    public Dispatcher(Config config, Selection selection, Consumer<InterpreterLock> newInterpreter) {
        this.config = config;
        this.selection = selection;
        this.newInterpreter = newInterpreter;
    }

    @Override
    public Offloaded run(Mode mode, Class<?> type, String method, Object receiver, Object[] arguments)
            throws NoSuchMethodException {
        if (shutDown) {
            return null;
        }
        MarkedCall call = MarkedCall.of(type, method, receiver, arguments);
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
            PoolRoute.Handoff handoff = config.isolatedInterpreters() ? new ClassLoaderIsolation() : PoolRoute.SHARED;
            interpreters = new PoolRoute(pool(Mode.INTERPRETERS, config.workers()), handoff);
        }
        return interpreters;
    }

    private synchronized ProcessRoute processes() {
        if (processes == null) {
            processes = ProcessRoute.start(config, selection);
        }
        return processes;
    }

    /** The pool of {@code mode}'s route, named after it. */
    private WorkerPool pool(Mode mode, int workers) {
        QueuePolicy policy = QueuePolicy.valueOf(config.poolPolicy().toUpperCase(Locale.ROOT).replace('-', '_'));
        String name = mode.configName();
        WorkerPool pool = new WorkerPool(name, workers, config.poolQueue(), policy, workerThreads(name));
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

    /** Drains every route built so far within {@link #SHUTDOWN_BOUND}; later calls run inline. */
    public void shutdown() {
        shutDown = true;
        workerPools().forEach(pool -> pool.shutdown(SHUTDOWN_BOUND));
        ProcessPool workers = processPool();
        if (workers != null) {
            workers.shutdown(SHUTDOWN_BOUND);
        }
    }
}
