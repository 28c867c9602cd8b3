package io.gil4j.webapp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.AgentOutput;
import io.gil4j.testing.Eventually;
import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Attach by PID to the Spring Boot service started without the agent, its request path loaded and compiled
 * by traffic first, as on a service in production, and under load throughout: attach, switch to {@code gil}
 * (the lock engages on the application's own classes, loaded before the attach), {@code advise} (JFR records
 * stacks for its window), back to {@code native}, detach; three times, with no failed request, each attach within its bound and the service keeping at
 * least half its throughput while it runs, and Metaspace not growing from cycle to cycle.
 */
class AttachIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration LOAD = Duration.ofMinutes(5); // ended by close() once the cycles are done
    private static final int CYCLES = 3;
    private static final Duration ATTACH_BOUND = Duration.ofSeconds(10);
    private static final Duration ENGAGE_BOUND = Duration.ofSeconds(2);
    private static final String CONTROLLER = "[gil4j] instrumented io.gil4j.webapp.owner.OwnerController";
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Duration METASPACE_SETTLE = Duration.ofSeconds(20);

    @Test
    void attach_gil_native_detach_three_times_under_load_engages_the_lock_on_loaded_classes_and_loses_nothing()
            throws Exception {
        try (ServiceJvm service = ServiceJvm.start("ATTACHED", List.of())) {
            service.awaitFirstOk("/owners", START_TIMEOUT);
            String pid = Long.toString(service.pid());
            try (LoadJvm warmUp = LoadJvm.start(service.url("/owners"), 4, WARM_UP)) {
                warmUp.awaitResult(WARM_UP.plus(TIMEOUT));
            }
            List<String> report = new ArrayList<>();
            List<Long> metaspace = new ArrayList<>();
            try (LoadJvm load = LoadJvm.start(service.url("/owners"), 4, LOAD)) {
                Eventually.awaitValue(
                        "the load's first answers",
                        TIMEOUT,
                        () -> load.answeredSoFar() > 0 ? Optional.of(true) : Optional.empty(),
                        load::toString);
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    long controllersBefore = controllerLines(service);
                    double before = rate(load, 3); // returns as a progress line arrives: answeredSoFar is fresh
                    long answered = load.answeredSoFar();
                    long start = System.nanoTime();
                    AgentCli attach = AgentCli.run(TIMEOUT, "attach", pid, "log=info");
                    awaitProgressLines(load, load.progressLines() + 1); // fresh at this end too
                    double during = (load.answeredSoFar() - answered) / ((System.nanoTime() - start) / 1e9);
                    assertEquals(0, attach.exit(), attach.toString());
                    assertTrue(
                            attach.wall().compareTo(ATTACH_BOUND) <= 0,
                            "attach within " + ATTACH_BOUND + ": " + attach);
                    assertTrue(
                            during >= before / 2,
                            String.format(
                                    Locale.ROOT,
                                    "cycle %d: %.0f req/s during the attach," + " %.0f before",
                                    cycle,
                                    during,
                                    before));

                    ControlEndpoint control = ControlEndpoint.of(service.pid(), TIMEOUT);
                    long acquisitions = control.lockAcquisitions();
                    AgentCli gil = AgentCli.run(TIMEOUT, "mode", pid, "gil");
                    assertEquals(0, gil.exit(), gil.toString());
                    Duration engaged = Eventually.awaitValue(
                            "lock.acquisitions growing under gil",
                            ENGAGE_BOUND,
                            () -> control.lockAcquisitions() > acquisitions
                                    ? Optional.of(gil.wall())
                                    : Optional.empty(),
                            () -> "stayed at " + acquisitions + "; " + gil + service);
                    assertEquals(
                            controllersBefore + 1,
                            controllerLines(service),
                            "the controller, loaded before the" + " attach, instrumented once by the switch to gil: "
                                    + service);

                    // an advise window: JFR records stacks, and stops at the switch out of gil at the latest
                    AgentCli advise =
                            AgentCli.run(TIMEOUT, "advise", pid, "--duration", "6s", "--measure", "1s", "--top", "3");
                    assertEquals(0, advise.exit(), advise.toString());

                    AgentCli back = AgentCli.run(TIMEOUT, "mode", pid, "native");
                    assertEquals(0, back.exit(), back.toString());
                    AgentCli detach = AgentCli.run(TIMEOUT, "detach", pid);
                    assertEquals(0, detach.exit(), detach.toString());
                    Eventually.awaitValue(
                            "every agent thread stopped after the detach",
                            TIMEOUT,
                            () -> agentThreads(service).isEmpty() ? Optional.of(true) : Optional.empty(),
                            () -> agentThreads(service));
                    metaspace.add(metaspaceKibAfterGc(service));
                    report.add(String.format(
                            Locale.ROOT,
                            "cycle %d: attach %.2f s (%.0f req/s during, %.0f before),"
                                    + " gil in %.2f s, native in %.2f s, detach %.2f s, Metaspace after GC %d KiB",
                            cycle,
                            seconds(attach.wall()),
                            during,
                            before,
                            seconds(engaged),
                            seconds(back.wall()),
                            seconds(detach.wall()),
                            metaspace.get(metaspace.size() - 1)));
                }
                assertEquals(0, load.failedSoFar(), "failed requests across the cycles" + load);
            }
            System.out.println("webapp attach under load: " + String.join("; ", report));
            // a detached agent's loader may still be reachable for a moment (a thread of it ending); one kept
            // for good stays: each cycle would add its ~10 MB of classes
            List<Long> later = new ArrayList<>();
            Eventually.awaitValue(
                    "Metaspace after the last cycle within 5 % of the first's",
                    METASPACE_SETTLE,
                    () -> {
                        later.add(metaspaceKibAfterGc(service));
                        return later.get(later.size() - 1) <= metaspace.get(0) * 1.05
                                ? Optional.of(true)
                                : Optional.empty();
                    },
                    () -> "after each cycle " + metaspace + ", then " + later);
            System.out.println("webapp attach: Metaspace after the cycles " + metaspace + ", then " + later);
            assertEquals(List.of(), service.agentFailures(), "the agent reported failures" + service);
        }
    }

    /**
     * Requests a second the load answers, over its next {@code seconds} progress lines (it prints one a second):
     * the window is the load's own, from one progress line to a later one, as this JVM sees them arrive.
     */
    private static double rate(LoadJvm load, int seconds) throws IOException, InterruptedException {
        int before = load.progressLines();
        awaitProgressLines(load, before + 1);
        long from = load.answeredSoFar();
        long start = System.nanoTime();
        awaitProgressLines(load, before + 1 + seconds);
        return (load.answeredSoFar() - from) / ((System.nanoTime() - start) / 1e9);
    }

    private static void awaitProgressLines(LoadJvm load, int count) throws IOException, InterruptedException {
        Eventually.awaitValue(
                count + " progress lines from the load",
                TIMEOUT,
                Duration.ofMillis(10),
                () -> load.progressLines() >= count ? Optional.of(true) : Optional.empty(),
                load::toString);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** The threads the agent or its telemetry started, from {@code jcmd Thread.print}; or why none could be read. */
    private static String agentThreads(ServiceJvm service) {
        try {
            return String.join("\n", AgentOutput.agentThreads(jcmd(service, "Thread.print")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd Thread.print failed: " + e;
        }
    }

    /** How often the agent said it instrumented the controller: once by each switch to gil, and by advise's marks. */
    private static long controllerLines(ServiceJvm service) {
        return service.agentLines().stream().filter(CONTROLLER::equals).count();
    }

    /**
     * Metaspace in use after full collections, from {@code jcmd GC.run} and {@code GC.heap_info}: two, since
     * the class loader of the agent just detached may be found unreachable only by the second.
     */
    private static long metaspaceKibAfterGc(ServiceJvm service) throws InterruptedException {
        jcmd(service, "GC.run");
        jcmd(service, "GC.run");
        String heap = jcmd(service, "GC.heap_info");
        Matcher used = METASPACE.matcher(heap);
        if (!used.find()) {
            throw new AssertionError("no Metaspace line in jcmd GC.heap_info: " + heap);
        }
        return Long.parseLong(used.group(1));
    }

    /** {@code jcmd <pid> command} against the service; what it printed, once it succeeded. */
    private static String jcmd(ServiceJvm service, String command) throws InterruptedException {
        ForkedProcess.Result jcmd = service.jcmd(command);
        if (jcmd.exitCode() != 0) {
            throw new AssertionError("jcmd " + service.pid() + " " + command + " failed: " + jcmd);
        }
        return jcmd.stdout();
    }
}
