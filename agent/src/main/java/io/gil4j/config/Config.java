package io.gil4j.config;

import io.gil4j.gil.Algorithm;
import io.gil4j.glob.ClassGlob;
import io.gil4j.mode.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's configuration, read once at start-up.
 *
 * <p><b>Sources and precedence.</b> Each {@link Option} may come from the agent argument
 * ({@code -javaagent:gil4j-agent.jar=mode=gil,include=com.acme.**}), a system property
 * ({@code -Dgil4j.mode=gil}) or an environment variable ({@code GIL4J_MODE=gil}); the agent argument wins
 * over the system property, which wins over the environment, which wins over the default. In the agent
 * argument, pairs are separated by commas or semicolons, and a comma-separated value such as a list of
 * globs continues until the next {@code key=}.
 *
 * <p><b>OpenTelemetry overrides.</b> The agent's telemetry reads the standard {@code OTEL_*} variables and
 * {@code otel.*} properties. A key {@code gil4j.otel.<key>} (system property), {@code GIL4J_OTEL_<KEY>}
 * (environment) or {@code otel.<key>} (agent argument) sets {@code otel.<key>} for gil4j alone, over the
 * standard sources, so that gil4j can export elsewhere than another OpenTelemetry agent in the same JVM
 * (see {@link #otelOverrides()}); the same precedence applies among the three.
 *
 * <p><b>Errors.</b> An unknown {@code gil4j.*} key in any source, or a value that does not parse, is a
 * {@link ConfigException} whose message is one line naming the key, the value, where it came from and
 * what is accepted.
 */
public final class Config {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|µs|ms|s)");
    private static final String OTEL_PROPERTY = "gil4j.otel.";
    private static final String OTEL_ENVIRONMENT = "GIL4J_OTEL_";
    private static final String OTEL_ARGUMENT = "otel.";

    private final Map<Option, String> values;
    private final Map<String, String> otelOverrides;

    private Config(Map<Option, String> values, Map<String, String> otelOverrides) {
        this.values = values;
        this.otelOverrides = otelOverrides;
    }

    /** The defaults alone. */
    public static Config defaults() {
        try {
            return load(null, Map.of(), Map.of());
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Reads and checks the configuration.
     *
     * @param agentArgument the {@code -javaagent} argument, or null
     * @param properties system properties (only {@code gil4j.*} ones are read)
     * @param environment environment variables (only {@code GIL4J_*} ones are read)
     */
    public static Config load(String agentArgument, Map<?, ?> properties, Map<String, String> environment)
            throws ConfigException {
        Map<Option, String> values = new EnumMap<>(Option.class);
        Map<String, String> otel = new TreeMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(OTEL_ENVIRONMENT)) {
                otel.put("otel." + name.substring(OTEL_ENVIRONMENT.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                        e.getValue().trim());
            } else if (name.startsWith("GIL4J_")) {
                values.put(optionNamed(name, e.getValue(), "environment variable"), e.getValue().trim());
            }
        }
        for (Map.Entry<?, ?> e : properties.entrySet()) {
            String name = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue());
            if (name.startsWith(OTEL_PROPERTY)) {
                otel.put(name.substring("gil4j.".length()), value.trim());
            } else if (name.startsWith("gil4j.")) {
                values.put(optionNamed(name, value, "system property"), value.trim());
            }
        }
        for (Map.Entry<String, String> e : parseAgentArgument(agentArgument).entrySet()) {
            // a key may be spelled as its system property is (gil4j.mode=gil), since users copy them from there
            String key = e.getKey().startsWith("gil4j.") ? e.getKey().substring("gil4j.".length()) : e.getKey();
            if (key.startsWith(OTEL_ARGUMENT)) {
                otel.put(key, e.getValue());
            } else {
                values.put(optionNamed("gil4j." + key, e.getValue(), "agent argument"), e.getValue());
            }
        }
        for (Option option : Option.values()) {
            values.putIfAbsent(option, option.defaultValue());
        }
        Config config = new Config(values, Collections.unmodifiableMap(otel));
        config.validate();
        return config;
    }

    private static Option optionNamed(String name, String value, String source) throws ConfigException {
        for (Option option : Option.values()) {
            if (option.propertyName().equals(name) || option.environmentName().equals(name)) {
                return option;
            }
        }
        throw new ConfigException("unknown configuration key " + name + "=" + value + " (" + source
                + "): accepted keys are " + Option.allKeys());
    }

    /** Splits {@code k=v,k2=a,b;k3=v} into pairs; a segment without '=' continues the previous value. */
    static Map<String, String> parseAgentArgument(String argument) throws ConfigException {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        if (argument == null || argument.isBlank()) {
            return pairs;
        }
        String lastKey = null;
        for (String segment : argument.split("[,;]")) {
            int eq = segment.indexOf('=');
            if (eq > 0) {
                lastKey = segment.substring(0, eq).trim();
                pairs.put(lastKey, segment.substring(eq + 1).trim());
            } else if (lastKey != null && !segment.isBlank()) {
                pairs.put(lastKey, pairs.get(lastKey) + "," + segment.trim());
            } else if (!segment.isBlank()) {
                throw new ConfigException("agent argument '" + segment + "' is not key=value: accepted keys are "
                        + Option.allKeys());
            }
        }
        return pairs;
    }

    private void validate() throws ConfigException {
        for (Option option : Option.values()) {
            try {
                parse(option);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("bad value " + option.propertyName() + "=" + values.get(option)
                        + ": accepted values are " + option.accepted());
            }
        }
    }

    private void parse(Option option) {
        switch (option) {
            case MODE:
                mode();
                break;
            case INCLUDE:
                include();
                break;
            case EXCLUDE:
                exclude();
                break;
            case SWITCH_INTERVAL:
                switchIntervalNanos();
                break;
            case GIL:
                algorithm();
                break;
            case CHECK_INTERVAL:
                checkInterval();
                break;
            case OFFLOAD:
                offload();
                break;
            case WORKERS:
                workers();
                break;
            case POOL_QUEUE:
                poolQueue();
                break;
            case POOL_POLICY:
                poolPolicy();
                break;
            case INTERPRETERS_ISOLATION:
                isolatedInterpreters();
                break;
            case PROCESSES_MAX_TASKS:
                processesMaxTasks();
                break;
            case PROCESSES_ALLOW:
                globs(Option.PROCESSES_ALLOW);
                break;
            case HOLD_SAMPLE_RATE:
                holdSampleRate();
                break;
            case SPEEDUP_BASELINE:
                speedupBaseline();
                break;
            case CONTROL_HOST:
                controlHost();
                break;
            case CONTROL_PORT:
                controlPort();
                break;
            case CONTROL_TOKEN:
                controlToken();
                break;
            case SHUTDOWN_DRAIN:
                shutdownDrain();
                break;
            case MODE_FILE:
                modeFile();
                break;
            case LOG:
                verbose();
                break;
            default:
                injectFaults();
        }
    }

    /** The raw text of an option, as configured or defaulted. */
    public String raw(Option option) {
        return values.get(option);
    }

    public Mode mode() {
        return Mode.of(raw(Option.MODE));
    }

    /** Class globs to instrument; empty means every class outside the JDK and the agent. */
    public List<ClassGlob> include() {
        return globs(Option.INCLUDE);
    }

    /** Class globs never to instrument. */
    public List<ClassGlob> exclude() {
        return globs(Option.EXCLUDE);
    }

    /** Class globs whose instances may cross to worker processes, beyond the JDK's value types. */
    public List<ClassGlob> processesAllow() {
        return globs(Option.PROCESSES_ALLOW);
    }

    private List<ClassGlob> globs(Option option) {
        return list(option, ClassGlob::of);
    }

    /** The method patterns and annotations that mark methods besides {@code @io.gil4j.api.Offload}. */
    public List<MarkPattern> offload() {
        return list(Option.OFFLOAD, MarkPattern::of);
    }

    private <T> List<T> list(Option option, java.util.function.Function<String, T> parser) {
        List<T> items = new ArrayList<>();
        for (String item : raw(option).split(",")) {
            if (!item.isBlank()) {
                items.add(parser.apply(item.trim()));
            }
        }
        return Collections.unmodifiableList(items);
    }

    /** Workers per pool in the {@code interpreters} and {@code processes} modes. */
    public int workers() {
        String text = raw(Option.WORKERS).trim();
        return text.isEmpty() ? Runtime.getRuntime().availableProcessors() : wholeNumber(text, 1, 1024);
    }

    /** Calls that may wait in a pool's queue. */
    public int poolQueue() {
        return wholeNumber(raw(Option.POOL_QUEUE).trim(), 1, 1_000_000);
    }

    /** What a call meets at a full queue: {@code block}, {@code caller-runs} or {@code reject}. */
    public String poolPolicy() {
        return lowerCaseChoice(Option.POOL_POLICY, "block", "caller-runs", "reject");
    }

    /** True if each interpreter loads the marked classes in a class loader of its own. */
    public boolean isolatedInterpreters() {
        return lowerCaseChoice(Option.INTERPRETERS_ISOLATION, "shared", "classloader").equals("classloader");
    }

    /** Calls after which a worker process is replaced; 0 for never. */
    public int processesMaxTasks() {
        return wholeNumber(raw(Option.PROCESSES_MAX_TASKS).trim(), 0, Integer.MAX_VALUE);
    }

    /** Samples a second of the main lock's holder (0: no sampler). */
    public int holdSampleRate() {
        return wholeNumber(raw(Option.HOLD_SAMPLE_RATE).trim(), 0, 1000);
    }

    private static int wholeNumber(String text, int min, int max) {
        int n = Integer.parseInt(text);
        if (n < min || n > max) {
            throw new IllegalArgumentException();
        }
        return n;
    }

    public long switchIntervalNanos() {
        return durationNanos(Option.SWITCH_INTERVAL, 1_000, TimeUnit.SECONDS.toNanos(60));
    }

    /** How long JVM exit waits for marked calls whose callers are not daemon threads. */
    public java.time.Duration shutdownDrain() {
        return java.time.Duration.ofNanos(durationNanos(Option.SHUTDOWN_DRAIN, 0, TimeUnit.SECONDS.toNanos(60)));
    }

    private long durationNanos(Option option, long minNanos, long maxNanos) {
        Matcher m = DURATION.matcher(raw(option).trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException();
        }
        TimeUnit unit;
        switch (m.group(2)) {
            case "ns":
                unit = TimeUnit.NANOSECONDS;
                break;
            case "us":
            case "µs":
                unit = TimeUnit.MICROSECONDS;
                break;
            case "ms":
                unit = TimeUnit.MILLISECONDS;
                break;
            default:
                unit = TimeUnit.SECONDS;
        }
        long nanos = unit.toNanos(Long.parseLong(m.group(1)));
        if (nanos < minNanos || nanos > maxNanos) {
            throw new IllegalArgumentException();
        }
        return nanos;
    }

    public Algorithm algorithm() {
        return Algorithm.valueOf(lowerCaseChoice(Option.GIL, "new", "legacy").toUpperCase(Locale.ROOT));
    }

    public int checkInterval() {
        return wholeNumber(raw(Option.CHECK_INTERVAL).trim(), 1, 1_000_000);
    }

    /** The mode whose throughput {@code gil4j.speedup} divides by. */
    public Mode speedupBaseline() {
        return Mode.of(raw(Option.SPEEDUP_BASELINE));
    }

    /**
     * The OpenTelemetry properties set for gil4j alone ({@code otel.exporter.prometheus.port} and the like),
     * which win over the same {@code otel.*} properties and {@code OTEL_*} variables.
     */
    public Map<String, String> otelOverrides() {
        return otelOverrides;
    }

    /** True if every transformed class is logged. */
    public boolean verbose() {
        return lowerCaseChoice(Option.LOG, "warn", "info").equals("info");
    }

    /** The host the control endpoint binds to. */
    public String controlHost() {
        String host = raw(Option.CONTROL_HOST);
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            throw new IllegalArgumentException();
        }
        return host;
    }

    /** The control endpoint's port (0: any free port), or -1 if the endpoint is off. */
    public int controlPort() {
        String port = raw(Option.CONTROL_PORT);
        return port.equalsIgnoreCase("off") ? -1 : wholeNumber(port, 0, 65535);
    }

    /** True if the port is the default one, which falls back to a free port when taken. */
    public boolean controlPortDefaulted() {
        return raw(Option.CONTROL_PORT).equals(Option.CONTROL_PORT.defaultValue());
    }

    /** The configured control token, or empty for one the agent makes up. */
    public String controlToken() {
        String token = raw(Option.CONTROL_TOKEN);
        if (token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(); // it travels in an HTTP header
        }
        return token;
    }

    /** The file the mode follows, or null. */
    public java.nio.file.Path modeFile() {
        String file = raw(Option.MODE_FILE);
        return file.isEmpty() ? null : java.nio.file.Paths.get(file);
    }

    /** True if every hook must fail (to prove that failures never reach the application). */
    public boolean injectFaults() {
        return Boolean.parseBoolean(lowerCaseChoice(Option.INJECT_FAULTS, "true", "false"));
    }

    private String lowerCaseChoice(Option option, String... choices) {
        String value = raw(option).trim().toLowerCase(Locale.ROOT);
        for (String choice : choices) {
            if (choice.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException();
    }

    /** One line per option with its effective value, for {@code --help} and logs. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Option option : Option.values()) {
            boolean secret = option == Option.CONTROL_TOKEN && !raw(option).isEmpty();
            out.append(option.propertyName()).append('=').append(secret ? "(set, not shown)" : raw(option)).append('\n');
        }
        otelOverrides.forEach((key, value) -> out.append("gil4j.").append(key).append('=').append(value).append('\n'));
        return out.toString();
    }
}
