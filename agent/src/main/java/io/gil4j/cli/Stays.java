package io.gil4j.cli;

import java.util.Locale;
import java.util.Map;

/**
 * How a measurement that alternates configurations spends its time: {@code --dwell} measured seconds per
 * stay after {@code --warmup} unmeasured ones, over {@code --rounds} rounds; by default 10 s, 2 s and 5
 * rounds, the control endpoint's own defaults for an experiment (which also checks their ranges).
 */
record Stays(double dwellSeconds, double warmupSeconds, int rounds) {

    /**
     * The stays {@code options} give.
     *
     * @throws IllegalArgumentException naming the option whose value is not a number, or is 0 where a stay
     *     needs more (a dwell, the rounds)
     */
    static Stays of(Map<String, String> options) {
        Stays stays = new Stays(
                number(options, "dwell", "10"), number(options, "warmup", "2"), (int) number(options, "rounds", "5"));
        if (stays.dwellSeconds() == 0 || stays.rounds() == 0) {
            throw new IllegalArgumentException("--dwell and --rounds take numbers above 0, got " + stays.dwellSeconds()
                    + " and " + stays.rounds());
        }
        return stays;
    }

    private static double number(Map<String, String> options, String name, String otherwise) {
        String value = options.getOrDefault(name, otherwise);
        if (!value.matches(name.equals("rounds") ? "\\d{1,6}" : "\\d{1,6}(\\.\\d+)?")) {
            throw new IllegalArgumentException("--" + name + " takes a " + (name.equals("rounds") ? "whole " : "")
                    + "number, got '" + value + "'");
        }
        return Double.parseDouble(value);
    }

    /** The body of {@code POST /experiment} comparing mode {@code a} with mode {@code b} in these stays. */
    String experimentBody(String a, String b) {
        return String.format(
                Locale.ROOT,
                "{\"a\":%s,\"b\":%s,\"dwellSeconds\":%s,\"warmupSeconds\":%s,\"rounds\":%d}",
                ControlClient.quote(a),
                ControlClient.quote(b),
                dwellSeconds,
                warmupSeconds,
                rounds);
    }
}
