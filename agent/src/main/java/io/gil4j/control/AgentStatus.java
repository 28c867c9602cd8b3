package io.gil4j.control;

import io.gil4j.advice.Advisor;
import io.gil4j.api.Mode;
import io.gil4j.cpu.CoreUtilization;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.experiment.ExperimentOutcome;
import io.gil4j.experiment.Experiments;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.LockStats;
import io.gil4j.gil.SwitchReason;
import io.gil4j.log.AgentFailures;
import io.gil4j.mode.ModeController;
import io.gil4j.pool.PoolStats;
import io.gil4j.pool.WorkerPool;
import io.gil4j.process.ProcessPool;
import io.gil4j.process.ProcessPoolStats;
import io.gil4j.work.MarkedWork;
import io.gil4j.work.SpeedupTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the control endpoint and the MXBean report and change: the mode, the main lock's and the pools'
 * statistics, per-core utilization and the current speedup, as plain maps that {@link Json} writes.
 * Thread-safe: every read is of counters the lock, the pools and the trackers publish.
 */
public final class AgentStatus {

    private final ModeController modes;
    private final InterpreterLock mainLock;
    private final Dispatcher dispatcher;
    private final SpeedupTracker speedup;
    private final Supplier<Map<String, Object>> instrumentation;
    private final Advisor advisor;
    private final AgentFailures failures;
    private final CoreUtilization cores = new CoreUtilization();
    private final Experiments experiments;

    /**
     * @param speedup the speedup tracker, or null when metrics are off (then the status has no speedup)
     * @param work the recorder of marked calls, or null when metrics are off (then no experiment can run)
     * @param instrumentation what is instrumented, as {@code /status} shows it
     * @param advisor where the lock is held and live marking, for {@code advise}
     * @param failures the agent's own failures, by kind
     */
    public AgentStatus(
            ModeController modes,
            InterpreterLock mainLock,
            Dispatcher dispatcher,
            SpeedupTracker speedup,
            MarkedWork work,
            Supplier<Map<String, Object>> instrumentation,
            Advisor advisor,
            AgentFailures failures) {
        this.modes = modes;
        this.mainLock = mainLock;
        this.dispatcher = dispatcher;
        this.speedup = speedup;
        this.experiments = new Experiments(modes, work, this::engagements);
        this.instrumentation = instrumentation;
        this.advisor = advisor;
        this.failures = failures;
    }

    /** Where the lock is held, and live marking: {@code /advice} and {@code /offload}. */
    public Advisor advisor() {
        return advisor;
    }

    /**
     * Starts an A/B experiment as {@code body} describes, on a daemon thread; see {@link Experiments#start}.
     *
     * @return the experiment's JSON as it starts
     */
    public Map<String, Object> startExperiment(Map<String, Object> body) {
        return experiments.start(body);
    }

    /** The running or last experiment's JSON, or null if none ran. */
    public Map<String, Object> experiment() {
        return experiments.current();
    }

    /** The outcome of the latest experiment that completed, or null. */
    public ExperimentOutcome lastOutcome() {
        return experiments.lastOutcome();
    }

    /** Cancels a running experiment; see {@link Experiments#cancel}. */
    public void cancelExperiment() {
        experiments.cancel();
    }

    /** See {@link Experiments}: calls run by the pools for a rerouting mode, else the main lock's acquisitions. */
    private long engagements(Mode mode) {
        if (mode.reroutesMarkedCalls()) {
            long calls = 0;
            for (WorkerPool pool : dispatcher.workerPools()) {
                PoolStats stats = pool.stats();
                calls += stats.completed() + stats.failed();
            }
            ProcessPool processes = dispatcher.processPool();
            return processes == null ? calls : calls + processes.stats().calls();
        }
        return mode.mainLockInForce() ? mainLock.stats().acquisitions() : -1;
    }

    /** The {@code interpreters} pool's workers and how many of them may take calls, as {@code GET /interpreters}. */
    public Map<String, Object> interpreters() {
        return Map.of("workers", dispatcher.interpreterWorkers(), "limit", dispatcher.interpreterLimit());
    }

    /**
     * Lets only {@code limit} of the {@code interpreters} workers take calls.
     *
     * @throws IllegalArgumentException naming the accepted range
     */
    public void limitInterpreters(int limit) {
        dispatcher.limitInterpreters(limit);
    }

    /** The current mode's name. */
    public String mode() {
        return modes.current().configName();
    }

    /**
     * Switches to the mode named {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted modes if {@code name} is none
     */
    public void switchMode(String name) {
        modes.switchTo(Mode.of(name));
    }

    /** Samples per-core utilization; called once a second by the agent's ticker. */
    public void tick() {
        cores.sample();
    }

    /** Switches since start-up. */
    public long transitions() {
        return modes.transitions();
    }

    /** The speedup of the current mode over the baseline, NaN while unknown or with metrics off. */
    public double speedup() {
        return speedup == null ? Double.NaN : speedup.speedup();
    }

    /** The whole status, as {@code GET /status} returns it. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("mode", mode());
        status.put("modes", List.of(Mode.accepted().split(", ")));
        status.put("transitions", transitions());
        status.put("instrumentation", instrumentation.get());
        status.put("lock", lock(mainLock.stats()));
        status.put("pools", pools());
        List<Object> perCore = new ArrayList<>();
        cores.latest().forEach((cpu, utilization) -> {
            Map<String, Object> core = new LinkedHashMap<>();
            core.put("cpu", cpu);
            core.put("utilization", round(utilization));
            perCore.add(core);
        });
        status.put("cores", perCore);
        Map<String, Object> speedupStatus = new LinkedHashMap<>();
        speedupStatus.put(
                "baseline", speedup == null ? null : speedup.baseline().configName());
        speedupStatus.put("value", round(speedup()));
        status.put("speedup", speedupStatus);
        status.put("experiment", experiment());
        status.put("failures", failures.counts());
        return status;
    }

    private static Map<String, Object> lock(LockStats stats) {
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("acquisitions", stats.acquisitions());
        lock.put("contended", stats.contendedAcquisitions());
        lock.put("waiting", stats.waiters());
        lock.put("waitSeconds", stats.waitNanos() / 1e9);
        lock.put("heldSeconds", stats.holdNanos() / 1e9);
        Map<String, Object> switches = new LinkedHashMap<>();
        for (SwitchReason reason : SwitchReason.values()) {
            switches.put(reason.name().toLowerCase(Locale.ROOT), stats.switches(reason));
        }
        lock.put("switches", switches);
        return lock;
    }

    private Map<String, Object> pools() {
        Map<String, Object> pools = new LinkedHashMap<>();
        for (WorkerPool pool : dispatcher.workerPools()) {
            pools.put(pool.name(), pool(pool.stats()));
        }
        ProcessPool processes = dispatcher.processPool();
        if (processes != null) {
            ProcessPoolStats stats = processes.stats();
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("workers", stats.live());
            pool.put("busy", stats.busy());
            pool.put("queued", stats.waiting());
            pool.put("calls", stats.calls());
            pool.put("failed", stats.failures());
            pool.put("rejected", stats.rejected());
            pool.put("workerStarts", stats.workerStarts());
            pool.put("workerDeaths", stats.workerDeaths());
            pools.put(Mode.PROCESSES.configName(), pool);
        }
        return pools;
    }

    private static Map<String, Object> pool(PoolStats stats) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("workers", stats.startedWorkers());
        pool.put("busy", stats.busyWorkers());
        pool.put("queued", stats.queued());
        pool.put("queueCapacity", stats.queueCapacity());
        pool.put("submitted", stats.submitted());
        pool.put("completed", stats.completed());
        pool.put("failed", stats.failed());
        pool.put("rejected", stats.rejected());
        return pool;
    }

    private static Double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
    }
}
