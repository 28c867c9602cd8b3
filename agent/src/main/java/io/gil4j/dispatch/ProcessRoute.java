package io.gil4j.dispatch;

import io.gil4j.api.Mode;
import io.gil4j.bootstrap.Offloaded;
import io.gil4j.config.ProcessConfig;
import io.gil4j.config.Selection;
import io.gil4j.glob.ClassGlob;
import io.gil4j.process.Call;
import io.gil4j.process.ProcessPool;
import io.gil4j.process.WorkerMain;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Marked calls in worker JVMs ({@link ProcessPool}): the receiver, the arguments and the result cross by
 * serialization, checked against an allow-list on both sides. A worker JVM runs the application's class
 * path without the agent, so the marked method runs there plainly, inline.
 *
 * <p>An async method (returning {@code CompletableFuture} or {@code CompletionStage}) runs inline in the
 * caller: a future cannot cross to another process, as a coroutine cannot be pickled.
 */
final class ProcessRoute {

    private static final String MODE = Mode.PROCESSES.configName();

    /** The agent launcher's command that runs {@link WorkerMain}. */
    static final String WORKER_COMMAND = "worker";

    private final ProcessPool pool;

    ProcessRoute(ProcessPool pool) {
        this.pool = pool;
    }

    /**
     * A pool of {@code config.workers()} worker JVMs, started lazily, configured from {@code config}; by
     * default instances of the classes {@code selection} instruments may cross.
     */
    static ProcessRoute start(ProcessConfig config, Selection selection) {
        ProcessPool pool = ProcessPool.builder(workerCommand())
                .workers(config.workers())
                .maxTasksPerWorker(config.maxTasks())
                .allow(allowed(config, selection).toArray(String[]::new))
                .build();
        return new ProcessRoute(pool);
    }

    ProcessPool pool() {
        return pool;
    }

    /** Runs {@code call} in a worker JVM and returns how it ended; null for an async method. */
    Offloaded run(MarkedCall call) {
        if (call.isAsync()) {
            return null;
        }
        try {
            return Offloaded.returned(MODE, pool.invoke(Call.of(call.method, call.receiver, call.arguments)));
        } catch (Throwable failure) {
            return Offloaded.threw(MODE, failure);
        }
    }

    /**
     * The classes besides the JDK's value types whose instances may cross: {@code processes.allow}, and by
     * default the application's own: the classes the {@linkplain Selection selection} instruments.
     */
    static List<String> allowed(ProcessConfig config, Selection selection) {
        List<String> globs = new ArrayList<>();
        config.allow().forEach(g -> globs.add(g.toString()));
        if (globs.isEmpty()) {
            globs.addAll(selection.include().stream().map(ClassGlob::toString).collect(Collectors.toList()));
        }
        globs.add("io.gil4j.offload.*"); // the worker stack a rethrown exception carries
        return globs;
    }

    private static List<String> workerCommand() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path") + File.pathSeparator + agentJar());
        command.add("io.gil4j.agent.launcher.Gil4jAgent");
        command.add(WORKER_COMMAND);
        return command;
    }

    private static String agentJar() {
        try {
            return Paths.get(ProcessRoute.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("gil4j: cannot locate the agent jar for worker processes", e);
        }
    }
}
