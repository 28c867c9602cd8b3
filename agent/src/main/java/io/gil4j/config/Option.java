package io.gil4j.config;

import io.gil4j.mode.Mode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every configuration key the agent accepts, with its default and a description of accepted values.
 * A key is written {@code gil4j.<key>} as a system property, {@code GIL4J_<KEY>} (upper case, dashes as
 * underscores) as an environment variable, and {@code <key>} in the agent argument.
 */
public enum Option {
    MODE("mode", "native", Mode.accepted()),
    INCLUDE("include", "", "comma-separated class globs such as com.acme.**, ** for every class outside the JDK and the agent (empty: the main class's package and the offload patterns' packages)"),
    EXCLUDE("exclude", "", "comma-separated class globs such as com.acme.generated.**"),
    SWITCH_INTERVAL("switch-interval", "5ms", "a duration of at least 1us, such as 5ms, 500us, 1us"),
    GIL("gil", "new", "new, legacy"),
    CHECK_INTERVAL("check-interval", "100", "a whole number of check points from 1 to 1000000 (legacy GIL only)"),
    OFFLOAD("offload", "", "comma-separated method patterns (com.acme.Pricing#quote, com.acme.**#price*) and annotations (@com.acme.CpuBound); @io.gil4j.api.Offload always marks"),
    WORKERS("workers", "", "a whole number of workers from 1 to 1024 (empty: the available processors)"),
    POOL_QUEUE("pool.queue", "1024", "a whole number of waiting calls per pool from 1 to 1000000"),
    POOL_POLICY("pool.policy", "block", "block, caller-runs, reject"),
    INTERPRETERS_ISOLATION("interpreters.isolation", "shared", "shared, classloader"),
    PROCESSES_MAX_TASKS("processes.max-tasks", "0", "a whole number of calls after which a worker process is replaced (0: never)"),
    PROCESSES_ALLOW("processes.allow", "", "comma-separated class globs whose instances may cross to worker processes besides the JDK's value types (empty: the include globs, else the main class's package and below)"),
    HOLD_SAMPLE_RATE("hold.sample-rate", "20", "a whole number of samples a second from 0 to 1000 of the lock and, during an advise window, of its holder's stack (0: off)"),
    SPEEDUP_BASELINE("speedup.baseline", "sequential", Mode.accepted() + " (the mode gil4j.speedup is measured against)"),
    CONTROL_HOST("control.host", "127.0.0.1", "a host name or address to bind the control endpoint to (another than loopback needs control.token)"),
    CONTROL_PORT("control.port", "9465", "a port from 0 to 65535 (0: any free port; the default 9465 falls back to a free one when taken), or off"),
    CONTROL_TOKEN("control.token", "", "the bearer token that changing anything through the control endpoint needs, printable characters, at least 16 when control.host is not loopback (empty: a random one, written to a file only the user can read)"),
    SHUTDOWN_DRAIN("shutdown.drain", "5s", "a duration from 0s to 60s, such as 5s, 500ms: how long JVM exit waits for marked calls whose callers are not daemon threads"),
    MODE_FILE("mode.file", "", "a file whose content the mode follows, such as a mounted ConfigMap (empty: none)"),
    LOG("log", "warn", "warn, info"),
    INJECT_FAULTS("inject-faults", "false", "true, false (testing only: every hook fails)");

    private final String key;
    private final String defaultValue;
    private final String accepted;

    Option(String key, String defaultValue, String accepted) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.accepted = accepted;
    }

    /** The key as the agent argument spells it, e.g. {@code switch-interval}. */
    public String key() {
        return key;
    }

    /** The key as a system property, e.g. {@code gil4j.switch-interval}. */
    public String propertyName() {
        return "gil4j." + key;
    }

    /** The key as an environment variable, e.g. {@code GIL4J_SWITCH_INTERVAL}, {@code GIL4J_POOL_QUEUE}. */
    public String environmentName() {
        return "GIL4J_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** What values are accepted, for error messages and help. */
    public String accepted() {
        return accepted;
    }

    /** All keys, comma-separated, for error messages. */
    static String allKeys() {
        return Arrays.stream(values()).map(Option::key).collect(Collectors.joining(", "));
    }
}
