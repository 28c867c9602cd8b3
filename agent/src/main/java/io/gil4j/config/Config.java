package io.gil4j.config;

import io.gil4j.api.Mode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The agent's configuration, read and checked once at start-up, then handed out as one small record per
 * concern: each part of the agent receives the record it needs, never this class.
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
 * ({@link TelemetryConfig#otelOverrides()}); the same precedence applies among the three.
 *
 * <p><b>Errors.</b> An unknown {@code gil4j.*} key in any source, or a value that does not parse, is a
 * {@link ConfigException} whose message is one line naming the key, the value, where it came from and
 * what is accepted.
 */
public final class Config {

    private final Map<Option<?>, String> text = new HashMap<>();
    private final Map<Option<?>, Object> values = new HashMap<>();
    private final SelectionConfig selection;
    private final LockConfig lock;
    private final PoolConfig pools;
    private final ProcessConfig processes;
    private final ControlConfig control;
    private final TelemetryConfig telemetry;

    private Config(ConfigSources sources) throws ConfigException {
        for (Option<?> option : Option.all()) {
            String value = sources.text(option);
            text.put(option, value);
            try {
                values.put(option, option.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("bad value " + option.propertyName() + "=" + value + ": accepted values are "
                        + option.accepted());
            }
        }
        selection = new SelectionConfig(get(Option.INCLUDE), get(Option.EXCLUDE), get(Option.OFFLOAD));
        lock = new LockConfig(
                get(Option.GIL), get(Option.SWITCH_INTERVAL), get(Option.CHECK_INTERVAL), get(Option.HOLD_SAMPLE_RATE));
        pools = new PoolConfig(
                get(Option.WORKERS),
                get(Option.POOL_QUEUE),
                get(Option.POOL_POLICY),
                get(Option.INTERPRETERS_ISOLATION),
                Duration.ofNanos(get(Option.SHUTDOWN_DRAIN)));
        processes =
                new ProcessConfig(get(Option.WORKERS), get(Option.PROCESSES_MAX_TASKS), get(Option.PROCESSES_ALLOW));
        control = new ControlConfig(
                get(Option.CONTROL_HOST),
                get(Option.CONTROL_PORT),
                text.get(Option.CONTROL_PORT).equals(Option.CONTROL_PORT.defaultValue()),
                get(Option.CONTROL_TOKEN),
                get(Option.MODE_FILE),
                verbose());
        telemetry = new TelemetryConfig(sources.otelOverrides(), get(Option.SPEEDUP_BASELINE));
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
        return new Config(ConfigSources.read(agentArgument, properties, environment));
    }

    @SuppressWarnings("unchecked") // values holds, for each option, what its own parser returned
    private <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    /** The mode the agent starts in. */
    public Mode mode() {
        return get(Option.MODE);
    }

    /** The classes and methods the configuration names. */
    public SelectionConfig selection() {
        return selection;
    }

    /** What the main lock is built with. */
    public LockConfig lock() {
        return lock;
    }

    /** What the thread pools are built with. */
    public PoolConfig pools() {
        return pools;
    }

    /** What the worker JVMs are started with. */
    public ProcessConfig processes() {
        return processes;
    }

    /** How the agent may be steered from outside. */
    public ControlConfig control() {
        return control;
    }

    /** What the metrics are exported with. */
    public TelemetryConfig telemetry() {
        return telemetry;
    }

    /** True if every transformed class is logged ({@code log=info}). */
    public boolean verbose() {
        return get(Option.LOG);
    }

    /** True if every hook must fail (to prove that failures never reach the application). */
    public boolean injectFaults() {
        return get(Option.INJECT_FAULTS);
    }

    /** One line per option with its effective value, for {@code check-config} and logs. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Option<?> option : Option.all()) {
            String value = text.get(option);
            boolean secret = option == Option.CONTROL_TOKEN && !value.isEmpty();
            out.append(option.propertyName())
                    .append('=')
                    .append(secret ? "(set, not shown)" : value)
                    .append('\n');
        }
        telemetry
                .otelOverrides()
                .forEach((key, value) -> out.append("gil4j.")
                        .append(key)
                        .append('=')
                        .append(value)
                        .append('\n'));
        return out.toString();
    }
}
