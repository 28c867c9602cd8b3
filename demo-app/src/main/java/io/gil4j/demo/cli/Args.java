package io.gil4j.demo.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The options of one subcommand: {@code --name value} or {@code --name=value} pairs, plus {@code --help}
 * (or {@code -h}), checked against the names the subcommand accepts.
 *
 * <p>Parsing rejects an unknown option, a repeated option, an option without a value and any positional
 * argument. The typed getters return the default when the option is absent and reject a bad value; every
 * {@link UsageException} message starts with the subcommand's name and lists what is accepted.
 *
 * <p>Instances are immutable.
 */
public final class Args {

    private static final String PREFIX = "--";

    private final String command;
    private final Map<String, String> values;
    private final boolean help;

    private Args(String command, Map<String, String> values, boolean help) {
        this.command = command;
        this.values = values;
        this.help = help;
    }

    /**
     * Parses {@code args} for {@code command}.
     *
     * @param command the subcommand's name, used in messages
     * @param accepted the option names (without {@code --}) that take a value
     * @throws UsageException on an unknown, repeated or valueless option, or a positional argument
     */
    public static Args parse(String command, List<String> accepted, List<String> args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith(PREFIX) || arg.length() == PREFIX.length()) {
                throw new UsageException(command + ": unexpected argument '" + arg + "'; options are "
                        + optionList(accepted));
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(PREFIX.length(), equals < 0 ? arg.length() : equals);
            if (!accepted.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + "; accepted: "
                        + optionList(accepted));
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith(PREFIX)) {
                value = args.get(++i);
            } else {
                throw new UsageException(command + ": option --" + name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new UsageException(command + ": option --" + name + " given twice");
            }
        }
        return new Args(command, Collections.unmodifiableMap(values), help);
    }

    /** True if {@code --help} or {@code -h} was given. */
    public boolean help() {
        return help;
    }

    /**
     * The value of {@code --name} as an integer of at least 1, or {@code defaultValue} if absent.
     *
     * @throws UsageException if the value is not a positive integer
     */
    public int positiveInt(String name, int defaultValue) throws UsageException {
        return wholeNumber(name, defaultValue, 1, Integer.MAX_VALUE, "a positive integer");
    }

    /**
     * The value of {@code --name} as a TCP port, 0 to 65535, or {@code defaultValue} if absent.
     *
     * @throws UsageException if the value is not such a number
     */
    public int port(String name, int defaultValue) throws UsageException {
        return wholeNumber(name, defaultValue, 0, 65_535, "a port from 0 to 65535");
    }

    private int wholeNumber(String name, int defaultValue, int min, int max, String what) throws UsageException {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted form
        }
        throw new UsageException(command + ": --" + name + " must be " + what + ", got '" + raw + "'");
    }

    /** The value of {@code --name} as given, or {@code defaultValue} if absent. */
    public String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * The value of {@code --name} looked up in {@code accepted} (label to value, in the order to list them),
     * or {@code defaultValue} if absent. Labels match without regard to case.
     *
     * @throws UsageException if the value is not one of the labels
     */
    public <T> T choice(String name, T defaultValue, Map<String, T> accepted) throws UsageException {
        String raw = values.get(name);
        return raw == null ? defaultValue : lookUp(name, "value", raw, accepted);
    }

    /**
     * The value of {@code --name} as a comma-separated list of labels from {@code accepted}, in the order
     * given, or {@code defaultValue} if absent.
     *
     * @param what what one element is called in messages ({@code mode})
     * @throws UsageException if the list is empty, names an unknown label, or names one twice
     */
    public <T> List<T> choices(String name, String what, List<T> defaultValue, Map<String, T> accepted)
            throws UsageException {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        List<T> chosen = new ArrayList<>();
        for (String label : raw.split(",", -1)) {
            T value = lookUp(name, what, label, accepted);
            if (chosen.contains(value)) {
                throw new UsageException(command + ": " + what + " '" + label.trim() + "' given twice in --"
                        + name);
            }
            chosen.add(value);
        }
        return List.copyOf(chosen);
    }

    /**
     * The value of {@code --name} as a positive duration, or {@code defaultValue} if absent: a number of
     * seconds with an optional unit, {@code 3}, {@code 1.5s} or {@code 500ms}.
     *
     * @throws UsageException if the value is not a positive duration in that form
     */
    public Duration duration(String name, Duration defaultValue) throws UsageException {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        String text = raw.trim().toLowerCase(Locale.ROOT);
        double nanosPerUnit = 1e9;
        if (text.endsWith("ms")) {
            text = text.substring(0, text.length() - 2);
            nanosPerUnit = 1e6;
        } else if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            double amount = Double.parseDouble(text);
            if (amount > 0 && amount * nanosPerUnit <= Long.MAX_VALUE && Character.isDigit(text.charAt(0))) {
                return Duration.ofNanos(Math.round(amount * nanosPerUnit));
            }
        } catch (NumberFormatException | IndexOutOfBoundsException notANumber) {
            // reported below with the accepted form
        }
        throw new UsageException(command + ": --" + name + " must be a positive duration such as 3s, 1.5s or"
                + " 500ms, got '" + raw + "'");
    }

    /** Labels to values for a command-line choice, in the order of {@code values}. */
    @SafeVarargs
    public static <T> Map<String, T> labelled(Function<T, String> label, T... values) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : values) {
            map.put(label.apply(value), value);
        }
        return Collections.unmodifiableMap(map);
    }

    private <T> T lookUp(String name, String what, String label, Map<String, T> accepted)
            throws UsageException {
        T value = accepted.get(label.trim().toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new UsageException(command + ": unknown " + what + " '" + label.trim() + "' in --" + name
                    + "; accepted: " + String.join(", ", accepted.keySet()));
        }
        return value;
    }

    private static String optionList(List<String> accepted) {
        List<String> names = new ArrayList<>();
        for (String name : accepted) {
            names.add(PREFIX + name);
        }
        names.add("--help");
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return command + " " + values + (help ? " --help" : "");
    }
}
