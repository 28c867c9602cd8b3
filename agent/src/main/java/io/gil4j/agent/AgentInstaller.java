package io.gil4j.agent;

import io.gil4j.advice.Advisor;
import io.gil4j.advice.HoldProfile;
import io.gil4j.advice.HoldSampler;
import io.gil4j.api.Mode;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.config.Config;
import io.gil4j.config.ConfigException;
import io.gil4j.config.ControlConfig;
import io.gil4j.config.LockConfig;
import io.gil4j.config.Selection;
import io.gil4j.config.TelemetryConfig;
import io.gil4j.control.AgentStatus;
import io.gil4j.control.ControlPlane;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.LockWatchdog;
import io.gil4j.instrument.Instrumenter;
import io.gil4j.log.AgentFailures;
import io.gil4j.log.AgentLog;
import io.gil4j.metrics.Telemetry;
import io.gil4j.mode.FailingRuntime;
import io.gil4j.mode.ModeController;
import io.gil4j.process.WorkerMain;
import io.gil4j.work.MarkedWork;
import io.gil4j.work.SpeedupTracker;
import java.lang.instrument.Instrumentation;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the agent inside its own class loader, once the launcher has put the bootstrap jar in place:
 * reads the configuration, builds the lock and the mode controller, installs them behind {@link Hooks},
 * and only then activates them and instruments classes. <b>Build, install, activate</b>: nothing built
 * before {@link Hooks#install} wins touches the bootstrap-visible state (the clearance, the offloading
 * flag), so an attach that loses to an agent already in the JVM changes nothing there. Unless metrics are off, it also installs the recorder of marked calls
 * and starts the telemetry on a thread of its own, so that start-up does not wait for the SDK; the control
 * endpoint, the MXBean and the mode file start on another. Everything it starts is gathered in
 * {@link StartedParts}, so that a later attach with the argument {@value #DETACH} can switch to native,
 * restore the original bytecode and stop every thread and server it started. A bad
 * configuration stops here with one line on standard error, and the application runs as if the agent were
 * absent; telemetry that cannot start is one line too, and the rest of the agent runs on.
 */
public final class AgentInstaller {

    private AgentInstaller() {}

    /** The agent argument that detaches the agent attached before, instead of starting one. */
    public static final String DETACH = "detach";
    /** How the verdict of an agent that started begins. */
    public static final String STARTED = "started";
    /** The verdict of a detach that took the agent out. */
    public static final String DETACHED = "detached";

    /** The most methods the hold profile counts, and how many recent stacks it keeps (five minutes at the default 20 a second, one at 100). */
    private static final int HOLD_METHODS = 1_024;

    private static final int HOLD_RECENT = 6_000;

    /**
     * Called reflectively by the launcher; never throws.
     *
     * @return the verdict, one line that starts with {@link #STARTED} or {@link #DETACHED} when the agent did
     *     what was asked, and otherwise says why not; the attach command shows it to its user
     */
    public static String install(String agentArgument, Instrumentation instrumentation) {
        if (System.getenv(WorkerMain.TOKEN_ENV) != null) {
            // a worker JVM of the processes mode, reached by JAVA_TOOL_OPTIONS: its calls run plainly
            return "not started: this JVM is a worker of the processes mode";
        }
        if (DETACH.equals(agentArgument)) {
            try {
                return Hooks.detach() ? DETACHED : refused("no gil4j agent to detach in this JVM");
            } catch (Throwable t) {
                return refused("detach failed part way: " + t);
            }
        }
        Config config;
        try {
            config = Config.load(agentArgument, System.getProperties(), System.getenv());
        } catch (ConfigException e) {
            return refused(e.getMessage() + " — agent disabled, the application runs without it");
        }
        try {
            return start(config, instrumentation);
        } catch (Throwable t) {
            return refused("agent disabled, the application runs without it: " + t);
        }
    }

    private static String refused(String reason) {
        AgentLog.warn(reason);
        return reason;
    }

    private static String start(Config config, Instrumentation instrumentation) {
        long started = System.nanoTime();
        boolean metrics = Telemetry.enabled(config.telemetry());
        AtomicBoolean active = new AtomicBoolean(); // set once this agent won Hooks.install
        InterpreterLock lock = newLock(config.lock(), active, metrics);
        LockWatchdog watchdog = LockWatchdog.start(lock, "gil4j-watchdog");
        Selection selection =
                Selection.of(config.selection()); // reads the main class once: the jar's manifest for -jar
        Dispatcher dispatcher = new Dispatcher(config.pools(), config.processes(), selection, watchdog::watch);
        Instrumenter instrumenter = Instrumenter.create(
                instrumentation, selection, config.selection().offload(), config.verbose());
        ModeController controller = new ModeController(lock, dispatcher, instrumenter::require, config.mode());
        controller.addListener((from, to) -> watchdog.wake()); // it idles while no lock is enabled
        HoldSampler sampler = newSampler(config.lock(), lock, instrumenter, controller);
        FailingRuntime failing = config.injectFaults() ? new FailingRuntime(controller) : null;
        if (!Hooks.install(failing != null ? failing : controller)) {
            watchdog.close();
            return refused("agent already installed in this JVM; this attach is ignored"
                    + " (detach it first to attach with another configuration)");
        }
        active.set(true);
        controller.activate(); // the initial mode is no switch: its listeners are told here
        watchdog.wake();
        StartedParts parts = new StartedParts();
        parts.add(new RecordMethodCaches()); // stopped last: after every part that may still link a record
        parts.add(watchdog);
        parts.onExit(dispatcher::shutdown, "gil4j-shutdown");
        parts.add(dispatcher::close);
        if (sampler != null) {
            sampler.lockInForce(controller.current().mainLockInForce());
            parts.add(sampler);
        }
        AgentStatus status = startObserving(
                config, new Observed(lock, dispatcher, controller, instrumenter, sampler, failing, metrics), parts);
        String loaded = instrumenter.install();
        parts.add(instrumenter::uninstall);
        Hooks.onDetach(() -> {
            status.cancelExperiment(); // it would restore its starting mode after the switch below
            controller.switchTo(Mode.NATIVE); // frees every waiter and stops rerouting before the rest goes
            parts.stop();
        });
        String verdict = STARTED + ": mode " + controller.mode() + ", lock code for " + selection
                + "; loaded classes instrumented: " + loaded + "; started in "
                + String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - started) / 1e9);
        AgentLog.info(verdict);
        return verdict;
    }

    /** The main lock, which clears the bootstrap's fast path on each change of holder once {@code active}. */
    private static InterpreterLock newLock(LockConfig config, AtomicBoolean active, boolean metrics) {
        return new InterpreterLock(
                config.algorithm(),
                config.switchIntervalNanos(),
                config.checkInterval(),
                (inForce, holder) -> {
                    if (active.get()) {
                        Hooks.clear(inForce ? holder : Hooks.EVERYONE);
                    }
                },
                metrics ? HoldTiming.SAMPLED : HoldTiming.OFF);
    }

    /** The sampler of the lock's holder, told whether a lock is in force; null if {@code hold.sample-rate=0}. */
    private static HoldSampler newSampler(
            LockConfig config, InterpreterLock lock, Instrumenter instrumenter, ModeController controller) {
        if (config.holdSampleRate() == 0) {
            return null;
        }
        HoldSampler sampler = new HoldSampler(
                lock,
                instrumenter::locks,
                Instrumenter::canMark,
                new HoldProfile(HOLD_METHODS, HOLD_RECENT),
                config.holdSampleRate());
        controller.addListener((from, to) -> sampler.lockInForce(to.mainLockInForce()));
        return sampler;
    }

    /**
     * The parts the status, the metrics and the control plane read. {@code metrics} is false when the
     * telemetry is off: then no marked call is recorded and no speedup tracked.
     */
    private record Observed(
            InterpreterLock lock,
            Dispatcher dispatcher,
            ModeController controller,
            Instrumenter instrumenter,
            HoldSampler sampler,
            FailingRuntime failing,
            boolean metrics) {}

    /**
     * Starts the status ticker, the failure warnings and, on threads of their own, the telemetry (unless
     * metrics are off) and the control plane.
     */
    private static AgentStatus startObserving(Config config, Observed parts, StartedParts started) {
        ModeController controller = parts.controller();
        ScheduledExecutorService ticker =
                Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "gil4j-ticker"));
        started.add(ticker::shutdownNow);
        SpeedupTracker speedup =
                parts.metrics() ? new SpeedupTracker(config.telemetry().speedupBaseline()) : null;
        MarkedWork work = parts.metrics() ? new MarkedWork(controller::current) : null;
        Instrumenter instrumenter = parts.instrumenter();
        Advisor advisor = new Advisor(parts.sampler(), work, instrumenter::markAlso, instrumenter::addedMarks);
        AgentFailures failures = new AgentFailures(Hooks::failures, instrumenter::failedTransformations);
        AgentStatus status = new AgentStatus(
                controller, parts.lock(), parts.dispatcher(), speedup, work, instrumenter::status, advisor, failures);
        everySecond(ticker, 0, status::tick);
        everySecond(ticker, 1, failures::warnOnce);
        if (parts.metrics()) {
            Hooks.record(parts.failing() != null ? parts.failing() : work);
            everySecond(
                    ticker,
                    0,
                    () -> speedup.tick(
                            System.nanoTime(), work.completed(), controller.current(), controller.transitions()));
            Telemetry.Sources sources = new Telemetry.Sources(
                    parts.lock(),
                    parts.dispatcher(),
                    controller,
                    work,
                    speedup,
                    status::lastOutcome,
                    advisor,
                    failures);
            daemon(() -> startTelemetry(config.telemetry(), sources, started), "gil4j-telemetry-start")
                    .start();
        }
        daemon(() -> startControl(config.control(), status, started), "gil4j-control-start")
                .start();
        return status;
    }

    /**
     * Runs {@code task} every second after {@code delaySeconds}; a throwable of one run is counted as a
     * failure of the runtime, and the next run comes as planned (a scheduled task that throws is never run
     * again, silently).
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the task never throws: its future never holds a failure
    private static void everySecond(ScheduledExecutorService ticker, long delaySeconds, Runnable task) {
        ticker.scheduleAtFixedRate(
                () -> {
                    try {
                        task.run();
                    } catch (Throwable t) {
                        Hooks.recordFailure();
                    }
                },
                delaySeconds,
                1,
                TimeUnit.SECONDS);
    }

    private static void startTelemetry(TelemetryConfig config, Telemetry.Sources sources, StartedParts parts) {
        try {
            Telemetry telemetry = Telemetry.start(config, sources);
            parts.onExit(telemetry::close, "gil4j-telemetry-shutdown");
            parts.add(telemetry);
        } catch (Throwable t) {
            AgentLog.warn("metrics disabled, the rest of the agent runs on: " + t);
        }
    }

    private static void startControl(ControlConfig config, AgentStatus status, StartedParts parts) {
        ControlPlane control = ControlPlane.start(config, status);
        parts.onExit(control::close, "gil4j-control-shutdown");
        parts.add(control);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
