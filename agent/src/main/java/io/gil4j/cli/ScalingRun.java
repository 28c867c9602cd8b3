package io.gil4j.cli;

import io.gil4j.advice.ScalingLaw;
import io.gil4j.api.Mode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code advise --scaling}: the throughput of the calls rerouted to {@code interpreters} with 1, 2, … N of the
 * pool's N workers taking calls ({@code POST /interpreters}), under the service's own load, and the {@link
 * ScalingLaw} fitted to the speedups, with its prediction for more cores than this machine has.
 *
 * <p>Each round visits every worker count, ascending in even rounds and descending in odd ones so that a
 * drift in the load weighs on all counts alike; each stay is a warm-up and a measured dwell, and a count's
 * throughput is the median of its stays. The caller marks the method and restores the marks and the mode;
 * this restores the worker limit it found, whatever happens.
 */
final class ScalingRun {

    /** The core counts the fitted law is asked about. */
    private static final int[] PREDICTED = {4, 8, 16, 64};

    private final ControlClient control;
    private final PrintStream err;

    ScalingRun(ControlClient control, PrintStream err) {
        this.control = control;
        this.err = err;
    }

    /**
     * Switches to {@code interpreters} and measures each worker count in {@code stays}.
     *
     * @return the measured speedups, the fit and its predictions, as JSON; null after a message
     */
    Map<String, Object> measure(Stays stays) {
        Map<String, Object> pool = control.get("/interpreters");
        if (pool == null) {
            return null;
        }
        int workers = (int) ControlClient.number(pool, "workers");
        if (workers < 2) {
            err.println("gil4j advise: --scaling needs gil4j.workers of 2 or more; the service has " + workers);
            return null;
        }
        if (control.switchTo(Mode.INTERPRETERS.configName()) == null) {
            return null;
        }
        double[][] rates = new double[workers][stays.rounds()];
        try {
            for (int round = 0; round < stays.rounds(); round++) {
                for (int i = 0; i < workers; i++) {
                    int limit = round % 2 == 0 ? i + 1 : workers - i;
                    double rate = stay(limit, stays, round);
                    if (Double.isNaN(rate)) {
                        return null;
                    }
                    rates[limit - 1][round] = rate;
                }
            }
        } finally {
            control.post("/interpreters", "{\"limit\":" + (int) ControlClient.number(pool, "limit") + "}");
        }
        return fitted(rates);
    }

    /** The rerouted calls per second in one stay with {@code limit} workers; NaN after a message. */
    private double stay(int limit, Stays stays, int round) {
        if (control.post("/interpreters", "{\"limit\":" + limit + "}") == null || !sleep(stays.warmupSeconds())) {
            return Double.NaN;
        }
        double before = completed();
        long start = System.nanoTime();
        if (Double.isNaN(before) || !sleep(stays.dwellSeconds())) {
            return Double.NaN;
        }
        double after = completed();
        double rate = (after - before) / ((System.nanoTime() - start) / 1e9);
        err.printf(
                Locale.ROOT,
                "advise: scaling, round %d/%d, %d worker%s: %.0f rerouted calls/s%n",
                round + 1,
                stays.rounds(),
                limit,
                limit == 1 ? "" : "s",
                rate);
        return rate;
    }

    /** The interpreters' completed calls so far; NaN after a message. */
    private double completed() {
        Map<String, Object> status = control.get("/status");
        return status == null
                ? Double.NaN
                : ControlClient.number(
                        ControlClient.object(
                                ControlClient.object(status.get("pools")).get(Mode.INTERPRETERS.configName())),
                        "completed");
    }

    private static boolean sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> fitted(double[][] rates) {
        int[] workers = new int[rates.length];
        double[] speedups = new double[rates.length];
        List<Double> perSecond = Arrays.stream(rates).map(ScalingRun::median).toList();
        double one = perSecond.get(0);
        List<Double> measured = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            workers[i] = i + 1;
            speedups[i] = one > 0 ? perSecond.get(i) / one : Double.NaN;
            measured.add(speedups[i]);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("callsPerSecond", perSecond);
        json.put("speedups", measured);
        if (!(one > 0)) {
            return json; // nothing to fit: the table says so
        }
        ScalingLaw law = ScalingLaw.fit(workers, speedups);
        json.put("contention", law.contention());
        json.put("coherency", law.coherency());
        json.put("coherencyFitted", law.coherencyFitted());
        Map<String, Object> predicted = new LinkedHashMap<>();
        for (int cores : PREDICTED) {
            predicted.put(Integer.toString(cores), law.speedup(cores));
        }
        json.put("predicted", predicted);
        return json;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The run as lines of the table, under the advice. */
    static String table(Map<String, Object> run) {
        StringBuilder s = new StringBuilder("\nscaling of the rerouted calls with the interpreters' workers:\n");
        List<?> rates = (List<?>) run.get("callsPerSecond");
        List<?> speedups = (List<?>) run.get("speedups");
        for (int i = 0; i < rates.size(); i++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %2d worker%s: %8.1f calls/s, %.2fx%n",
                    i + 1,
                    i == 0 ? " " : "s",
                    (Double) rates.get(i),
                    (Double) speedups.get(i)));
        }
        if (!run.containsKey("predicted")) {
            return s.append("  no call completed with one worker: nothing to fit\n")
                    .toString();
        }
        s.append(String.format(
                Locale.ROOT,
                "Universal Scalability Law: contention %.3f, coherency %.4f%s%n",
                (Double) run.get("contention"),
                (Double) run.get("coherency"),
                Boolean.TRUE.equals(run.get("coherencyFitted"))
                        ? ""
                        : " (assumed: two worker counts fix one parameter, so this is Amdahl's law)"));
        ControlClient.object(run.get("predicted"))
                .forEach((cores, speedup) -> s.append(
                        String.format(Locale.ROOT, "  predicted on %s cores: %.2fx%n", cores, (Double) speedup)));
        return s.toString();
    }
}
