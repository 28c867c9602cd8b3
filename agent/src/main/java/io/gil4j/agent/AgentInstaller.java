package io.gil4j.agent;

import io.gil4j.bootstrap.AgentRuntime;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.config.Config;
import io.gil4j.config.ConfigException;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.LockWatchdog;
import io.gil4j.instrument.Instrumenter;
import io.gil4j.log.AgentLog;
import io.gil4j.mode.FailingRuntime;
import io.gil4j.mode.ModeController;
import io.gil4j.process.WorkerMain;
import java.lang.instrument.Instrumentation;

/**
 * Starts the agent inside its own class loader, once the launcher has put the bootstrap jar in place:
 * reads the configuration, creates the lock and the mode controller, installs them behind {@link Hooks},
 * and only then instruments classes. A bad configuration stops here with one line on standard error, and
 * the application runs as if the agent were absent.
 */
public final class AgentInstaller {

    private AgentInstaller() {}

    /** Called reflectively by the launcher; never throws. */
    public static void install(String agentArgument, Instrumentation instrumentation) {
        if (System.getenv(WorkerMain.TOKEN_ENV) != null) {
            return; // a worker JVM of the processes mode, reached by JAVA_TOOL_OPTIONS: its calls run plainly
        }
        Config config;
        try {
            config = Config.load(agentArgument, System.getProperties(), System.getenv());
        } catch (ConfigException e) {
            AgentLog.warn(e.getMessage() + " — agent disabled, the application runs without it");
            return;
        }
        try {
            start(config, instrumentation);
        } catch (Throwable t) {
            AgentLog.warn("agent disabled, the application runs without it: " + t);
        }
    }

    private static void start(Config config, Instrumentation instrumentation) {
        InterpreterLock lock = new InterpreterLock(config.algorithm(), config.switchIntervalNanos(),
                config.checkInterval(), (inForce, holder) -> Hooks.clear(inForce ? holder : Hooks.EVERYONE));
        Dispatcher dispatcher = new Dispatcher(config);
        ModeController controller = new ModeController(lock, dispatcher, config.mode());
        AgentRuntime runtime = config.injectFaults() ? new FailingRuntime(controller) : controller;
        if (!Hooks.install(runtime)) {
            AgentLog.warn("agent already installed in this JVM; this attach is ignored");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dispatcher::shutdown, "gil4j-shutdown"));
        LockWatchdog.start(lock, "gil4j-watchdog");
        Instrumenter instrumenter = Instrumenter.install(instrumentation, config);
        if (config.verbose()) {
            AgentLog.info("started: mode " + controller.mode() + ", " + instrumenter.transformedClasses()
                    + " classes instrumented so far");
        }
    }
}
