package io.gil4j.cli;

import io.gil4j.advice.Prediction;
import io.gil4j.api.Mode;
import io.gil4j.control.ControlFile;
import io.gil4j.control.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code advise <pid|url>}: which methods to reroute to {@code interpreters}, and what each would buy. Samples
 * where the main lock is held for {@code --duration}, marks the top candidates live for {@code --measure}
 * to count their calls (restoring the marks it found, whatever happens), then ranks them by their share of
 * the lock's hold time with the speedup {@link Prediction} expects, alone and together with those above.
 * With {@code --verify} it tries the first recommendation with an A/B experiment, and with {@code --scaling}
 * measures how its calls scale with the interpreters' workers ({@link ScalingRun}). Progress goes to
 * standard error; the exit status is 0 with advice (and each asked-for trial run to its end), 1 without (no
 * answer, no stack of a holder, nothing recommended to try), 2 for a usage error.
 */
final class AdviseCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    private final ControlClient control;
    private final PrintStream err;

    private AdviseCommand(ControlClient control, PrintStream err) {
        this.control = control;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (ControlCommands.isHelp(args)) {
            out.print(usage());
            return 0;
        }
        List<String> flags = List.of("--verify", "--scaling");
        List<String> positional = new ArrayList<>();
        Map<String, String> options = ControlCommands.options(
                Arrays.stream(args).filter(a -> !flags.contains(a)).toArray(String[]::new), positional);
        if (positional.size() != 1) {
            err.println("gil4j advise: expected <pid|url>, got " + positional + "; see advise --help");
            return 2;
        }
        double duration = seconds(options.getOrDefault("duration", "30s"));
        double measure = seconds(options.getOrDefault("measure", "5s"));
        int top = whole(options.getOrDefault("top", "5"));
        int workers = whole(options.getOrDefault("workers", "0"));
        String format = options.getOrDefault("format", "table");
        if (duration <= 0 || measure <= 0 || top < 1 || workers < 0 || !format.matches("table|json")) {
            err.println("gil4j advise: --duration and --measure take durations such as 30s or 500ms, --top and"
                    + " --workers whole numbers from 1, --format table or json; got " + options);
            return 2;
        }
        Stays stays;
        try {
            stays = Stays.of(options);
        } catch (IllegalArgumentException e) {
            err.println("gil4j advise: " + e.getMessage());
            return 2;
        }
        Optional<ControlFile> endpoint = ControlClient.endpoint(positional.get(0), options.get("token"), err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        AdviseCommand command = new AdviseCommand(new ControlClient(endpoint.get(), "advise", err), err);
        Advice advice = new Sampling(command.control, err).advise(duration, measure, top, workers);
        if (advice == null) {
            return 1;
        }
        int status = command.tryRecommended(advice, stays, Arrays.asList(args));
        out.print(format.equals("json") ? Json.write(advice.json()) + "\n" : advice.table());
        return status;
    }

    /**
     * Keeps the prediction for the dashboards, then runs the trials {@code args} ask for ({@code --verify},
     * {@code --scaling}) on the first recommendation.
     *
     * @return 0 if every trial asked for ran to its end, else 1
     */
    private int tryRecommended(Advice advice, Stays stays, List<String> args) {
        if (advice.recommended() != null) { // beside the measured speedup
            control.post(
                    "/advice/prediction",
                    "{\"offload\":" + ControlClient.quote(advice.recommended()) + ",\"speedup\":"
                            + advice.recommendedSpeedup() + "}");
        }
        int status = 0;
        if (args.contains("--verify")) {
            status = verify(advice, stays);
        }
        if (args.contains("--scaling")) {
            status = Math.max(status, scaling(advice, stays));
        }
        return status;
    }

    /**
     * Tries the first recommendation: marks it live, runs the A/B experiment gil against interpreters in
     * {@code stays}, and adds the measured speedup beside the predicted one to {@code advice}.
     *
     * @return 0 if the experiment ran to its end, else 1
     */
    private int verify(Advice advice, Stays stays) {
        Map<String, Object> outcome = withRecommended(advice, () -> {
            err.println("advise: verifying offload=" + advice.recommended() + " with an A/B experiment, gil against"
                    + " interpreters");
            return ControlCommands.runExperiment(
                    control.endpoint(),
                    stays.experimentBody(Mode.GIL.configName(), Mode.INTERPRETERS.configName()),
                    err);
        });
        if (outcome == null) {
            return 1;
        }
        advice.verified(outcome);
        return "done".equals(outcome.get("state")) ? 0 : 1;
    }

    /**
     * Measures how the first recommendation's calls scale with the interpreters' workers, and adds the fit to
     * {@code advice}.
     *
     * @return 0 if every stay was measured, else 1
     */
    private int scaling(Advice advice, Stays stays) {
        Map<String, Object> run = withRecommended(advice, () -> new ScalingRun(control, err).measure(stays));
        if (run == null) {
            return 1;
        }
        advice.scaled(run);
        return 0;
    }

    /** {@code trial} with {@code advice}'s first recommendation marked; null, after a message, without one. */
    private Map<String, Object> withRecommended(Advice advice, Supplier<Map<String, Object>> trial) {
        if (advice.recommended() == null) {
            err.println("gil4j advise: nothing recommended, so nothing to try");
            return null;
        }
        return control.withMarked(List.of(advice.recommended()), trial);
    }

    /** Seconds in {@code 30s}, {@code 500ms}, {@code 2m} or {@code 30}; -1 if malformed. */
    static double seconds(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        return m.group(2) == null || m.group(2).equals("s")
                ? value
                : m.group(2).equals("ms") ? value / 1e3 : value * 60;
    }

    private static int whole(String text) {
        return text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
    }

    static String usage() {
        return String.join(
                "\n",
                Arrays.asList(
                        "usage: java -jar gil4j-agent.jar advise <pid|url> [--duration 30s] [--measure 5s] [--workers N]",
                        "           [--top K] [--format table|json] [--token TOKEN]",
                        "           [--verify] [--scaling] [--dwell SECONDS] [--warmup SECONDS] [--rounds N]",
                        "Samples where the main lock is held (the service in gil mode, under its load) for --duration, then",
                        "marks the top K methods live for --measure to count their calls (the marks it found are restored),",
                        "and prints them ranked by their share of the lock's hold time, with the throughput speedup expected",
                        "if each alone, and the recommended ones together, were rerouted to interpreters with N workers",
                        "(default: the service's cores), and the offload= value to paste. Calls shorter than four",
                        "hand-overs, and code that never returns, are flagged, not recommended. Defaults: 30 s, 5 s, top 5.",
                        "With --verify it then marks the first recommendation live, runs the A/B experiment gil against",
                        "interpreters (as the experiment command does; defaults: dwell 10 s, warm-up 2 s, 5 rounds), and",
                        "prints the measured speedup with its 95 % interval beside the predicted one; the marks and the",
                        "mode it found are restored whatever happens.",
                        "With --scaling it marks the first recommendation, switches to interpreters and measures the",
                        "rerouted calls' throughput with 1, 2, ... N of the workers taking calls (the same stays), fits",
                        "the Universal Scalability Law to the speedups and predicts 4, 8, 16 and 64 cores; the worker",
                        "limit, the marks and the mode it found are restored whatever happens.",
                        ""));
    }
}
