package io.gil4j.agent;

import io.gil4j.advice.Advisor;
import io.gil4j.advice.HoldProfile;
import io.gil4j.advice.HoldSampler;
import io.gil4j.bootstrap.AgentRuntime;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.config.Config;
import io.gil4j.config.ConfigException;
import io.gil4j.config.Selection;
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
import io.gil4j.mode.Mode;
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
        boolean metrics = Telemetry.enabled(config);
        AtomicBoolean active = new AtomicBoolean(); // set once this agent won Hooks.install
        InterpreterLock lock = new InterpreterLock(config.algorithm(), config.switchIntervalNanos(),
                config.checkInterval(), (inForce, holder) -> {
                    if (active.get()) {
                        Hooks.clear(inForce ? holder : Hooks.EVERYONE);
                    }
                }, metrics ? HoldTiming.SAMPLED : HoldTiming.OFF);
        LockWatchdog watchdog = LockWatchdog.start(lock, "gil4j-watchdog");
        Selection selection = Selection.of(config); // reads the main class once: the jar's manifest for -jar
        Dispatcher dispatcher = new Dispatcher(config, selection, watchdog::watch);
        Instrumenter instrumenter = Instrumenter.create(instrumentation, selection, config.offload(), config.verbose());
        ModeController controller = new ModeController(lock, dispatcher, instrumenter::require, config.mode());
        controller.addListener((from, to) -> watchdog.wake()); // it idles while no lock is enabled
        HoldSampler sampler = config.holdSampleRate() == 0 ? null : new HoldSampler(lock, instrumenter::locks,
                Instrumenter::canMark, new HoldProfile(HOLD_METHODS, HOLD_RECENT), config.holdSampleRate());
        if (sampler != null) {
            controller.addListener((from, to) -> sampler.lockInForce(to.mainLockInForce()));
        }
        FailingRuntime failing = config.injectFaults() ? new FailingRuntime(controller) : null;
        AgentRuntime runtime = failing != null ? failing : controller;
        if (!Hooks.install(runtime)) {
            watchdog.close();
            return refused("agent already installed in this JVM; this attach is ignored"
                    + " (detach it first to attach with another configuration)");
        }
        active.set(true);
        controller.activate(); // the initial mode is no switch: its listeners are told here
        watchdog.wake();
        if (sampler != null) {
            sampler.lockInForce(controller.current().mainLockInForce());
        }
        StartedParts parts = new StartedParts();
        parts.add(new RecordMethodCaches()); // stopped last: after every part that may still link a record
        parts.add(watchdog);
        parts.onExit(dispatcher::shutdown, "gil4j-shutdown");
        parts.add(dispatcher::close);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "gil4j-ticker"));
        parts.add(ticker::shutdownNow);
        SpeedupTracker speedup = metrics ? new SpeedupTracker(config.speedupBaseline()) : null;
        MarkedWork work = metrics ? new MarkedWork(controller::current) : null;
        if (sampler != null) {
            parts.add(sampler);
        }
        Advisor advisor = new Advisor(sampler, work, instrumenter::markAlso, instrumenter::addedMarks);
        AgentFailures failures = new AgentFailures(Hooks::failures, instrumenter::failedTransformations);
        AgentStatus status = new AgentStatus(controller, lock, dispatcher, speedup, work, instrumenter::status,
                advisor, failures);
        ticker.scheduleAtFixedRate(status::tick, 0, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(failures::warnOnce, 1, 1, TimeUnit.SECONDS);
        if (metrics) {
            Hooks.record(failing != null ? failing : work);
            ticker.scheduleAtFixedRate(() -> speedup.tick(System.nanoTime(), work.completed(), controller.current(),
                    controller.transitions()), 0, 1, TimeUnit.SECONDS);
            Telemetry.Sources sources = new Telemetry.Sources(lock, dispatcher, controller, work, speedup,
                    status::lastOutcome, advisor, failures);
            daemon(() -> startTelemetry(config, sources, parts), "gil4j-telemetry-start").start();
        }
        daemon(() -> startControl(config, status, parts), "gil4j-control-start").start();
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

    private static void startTelemetry(Config config, Telemetry.Sources sources, StartedParts parts) {
        try {
            Telemetry telemetry = Telemetry.start(config, sources);
            parts.onExit(telemetry::close, "gil4j-telemetry-shutdown");
            parts.add(telemetry::close);
        } catch (Throwable t) {
            AgentLog.warn("metrics disabled, the rest of the agent runs on: " + t);
        }
    }

    private static void startControl(Config config, AgentStatus status, StartedParts parts) {
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
