package io.gil4j.config;

import io.gil4j.api.Mode;
import io.gil4j.gil.Algorithm;
import io.gil4j.glob.ClassGlob;
import io.gil4j.pool.QueuePolicy;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A configuration key the agent accepts: its name, its default, its {@linkplain Parser parser} (which
 * holds its bounds) and what it does. {@link #all()} is every key; nothing else is accepted. A key is
 * written {@code gil4j.<key>} as a system property, {@code GIL4J_<KEY>} (upper case, dashes and dots as
 * underscores) as an environment variable, and {@code <key>} in the agent argument. {@code --help} and the
 * README's table are printed from these definitions ({@link OptionTable}).
 *
 * @param <T> the type of the option's value
 */
public final class Option<T> {

    public static final Option<Mode> MODE = new Option<>(
            "mode",
            Mode.NATIVE.configName(),
            Parser.oneOf(Mode.values()),
            "the execution mode the agent starts in; `gil4j mode` and the control endpoint switch it live");
    public static final Option<List<ClassGlob>> INCLUDE = new Option<>(
            "include",
            "the application's own code",
            "",
            globs(),
            "the classes that get the lock's code: by default the main class's package and below"
                    + " (a Spring Boot jar's `Start-Class`) and the packages `offload` patterns name; `**` for every class"
                    + " outside the JDK and the agent (then a method checks at its entry only where the JDK can enter it)."
                    + " Libraries outside it run under their caller's hold, as C extensions run under CPython's GIL");
    public static final Option<List<ClassGlob>> EXCLUDE =
            new Option<>("exclude", "none", "", globs(), "class globs never instrumented, applied after `include`");
    public static final Option<Long> SWITCH_INTERVAL = new Option<>(
            "switch-interval",
            "5ms",
            Parser.durationNanos(TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(60)),
            "how long a waiter lets the holder run before it asks for the lock (CPython's `sys.setswitchinterval`)");
    public static final Option<Algorithm> GIL = new Option<>(
            "gil",
            "new",
            Parser.oneOf(Algorithm.values()),
            "`new`: CPython ≥ 3.2's lock; `legacy`: CPython ≤ 3.1's (re-taken every `check-interval` check"
                    + " points, no forced switching)");
    public static final Option<Integer> CHECK_INTERVAL = new Option<>(
            "check-interval",
            "100",
            Parser.wholeNumber(1, 1_000_000),
            "check points between re-takes of the legacy GIL" + " (CPython 2's `sys.setcheckinterval`)");
    public static final Option<List<MarkPattern>> OFFLOAD = new Option<>(
            "offload",
            "none",
            "",
            Parser.list("comma-separated method patterns and annotations", MarkPattern::of),
            "marks methods besides `@io.gil4j.api.Offload`: method patterns (`com.acme.Pricing#quote`,"
                    + " `com.acme.**#price*`) and annotations (`@com.acme.CpuBound`)");
    public static final Option<Integer> WORKERS = new Option<>(
            "workers",
            "available processors",
            "",
            Parser.wholeNumber(1, 1024)
                    .orIfEmpty(
                            "the available processors",
                            () -> Runtime.getRuntime().availableProcessors()),
            "workers of the `interpreters` and `processes` pools");
    public static final Option<Integer> POOL_QUEUE =
            new Option<>("pool.queue", "1024", Parser.wholeNumber(1, 1_000_000), "calls that may wait per pool");
    public static final Option<QueuePolicy> POOL_POLICY = new Option<>(
            "pool.policy",
            "block",
            Parser.oneOf(QueuePolicy.values()),
            "what a call meets at a full queue: it waits, its caller runs it,"
                    + " or a `RejectedExecutionException` naming these keys");
    public static final Option<Boolean> INTERPRETERS_ISOLATION = new Option<>(
            "interpreters.isolation",
            "shared",
            Parser.flag("shared", "classloader"),
            "`shared`: marked classes shared, no copies; `classloader`: each"
                    + " interpreter loads them anew (statics per interpreter, values copied)");
    public static final Option<Integer> PROCESSES_MAX_TASKS = new Option<>(
            "processes.max-tasks",
            "0",
            Parser.wholeNumber(0, Integer.MAX_VALUE),
            "calls after which a worker JVM is replaced" + " (`max_tasks_per_child`); 0: never");
    public static final Option<List<ClassGlob>> PROCESSES_ALLOW = new Option<>(
            "processes.allow",
            "the `include` globs",
            "",
            globs(),
            "class globs whose instances may cross to worker JVMs besides the"
                    + " JDK's value types (by default the classes the selection instruments)");
    public static final Option<Integer> HOLD_SAMPLE_RATE = new Option<>(
            "hold.sample-rate",
            "20",
            Parser.wholeNumber(0, 1000),
            "samples a second of whether the lock is held and, during an `advise`"
                    + " window, of where (JFR execution samples), while a lock mode is in force; 0: off");
    public static final Option<Mode> SPEEDUP_BASELINE = new Option<>(
            "speedup.baseline",
            Mode.SEQUENTIAL.configName(),
            Parser.oneOf(Mode.values()),
            "the mode `gil4j.speedup` is measured against");
    public static final Option<String> CONTROL_HOST = new Option<>(
            "control.host",
            "127.0.0.1",
            Parser.text("a host name or address", 1, c -> !Character.isWhitespace(c) && c != '/' && c != '@'),
            "the control endpoint's address; another than loopback is refused unless `control.token` is set");
    public static final Option<Integer> CONTROL_PORT = new Option<>(
            "control.port",
            "9465",
            Parser.wholeNumber(0, 65535).or("off", -1),
            "the control endpoint's port (0: any free port; the"
                    + " default falls back to a free one when another JVM has it)");
    public static final Option<String> CONTROL_TOKEN = new Option<>(
            "control.token",
            "a random one",
            "",
            Parser.text("printable characters", 0, c -> c > ' ' && c <= '~'),
            "the bearer token that changing"
                    + " anything through the control endpoint needs, at least 16 characters when `control.host` is not"
                    + " loopback; a generated one is written with the endpoint's URL to"
                    + " `<java.io.tmpdir>/gil4j-<user>/<pid>.control` (mode 600, directory 700)");
    public static final Option<Long> SHUTDOWN_DRAIN = new Option<>(
            "shutdown.drain",
            "5s",
            Parser.durationNanos(0, TimeUnit.SECONDS.toNanos(60)),
            "how long JVM exit waits for marked calls" + " whose callers are not daemon threads");
    public static final Option<Path> MODE_FILE = new Option<>(
            "mode.file",
            "none",
            "",
            new Parser<Path>("a file", Paths::get).orIfEmpty("none", () -> null),
            "a file whose content the mode"
                    + " follows (a mounted ConfigMap switches every pod); a bad value is logged and ignored");
    public static final Option<Boolean> LOG =
            new Option<>("log", "warn", Parser.flag("warn", "info"), "`info` also logs each instrumented class");
    public static final Option<Boolean> INJECT_FAULTS = new Option<>(
            "inject-faults",
            "false",
            Parser.flag("false", "true"),
            "`true` makes every hook fail, to test that failures never reach the" + " application");

    private static final List<Option<?>> ALL = List.of(
            MODE,
            INCLUDE,
            EXCLUDE,
            SWITCH_INTERVAL,
            GIL,
            CHECK_INTERVAL,
            OFFLOAD,
            WORKERS,
            POOL_QUEUE,
            POOL_POLICY,
            INTERPRETERS_ISOLATION,
            PROCESSES_MAX_TASKS,
            PROCESSES_ALLOW,
            HOLD_SAMPLE_RATE,
            SPEEDUP_BASELINE,
            CONTROL_HOST,
            CONTROL_PORT,
            CONTROL_TOKEN,
            SHUTDOWN_DRAIN,
            MODE_FILE,
            LOG,
            INJECT_FAULTS);

    private final String key;
    private final String shownDefault;
    private final String defaultValue;
    private final Parser<T> parser;
    private final String purpose;

    private Option(String key, String defaultValue, Parser<T> parser, String purpose) {
        this(key, defaultValue, defaultValue, parser, purpose);
    }

    private Option(String key, String shownDefault, String defaultValue, Parser<T> parser, String purpose) {
        this.key = key;
        this.shownDefault = shownDefault;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.purpose = purpose;
    }

    private static Parser<List<ClassGlob>> globs() {
        return Parser.list("comma-separated class globs: `*` within a package, `**` across packages", ClassGlob::of);
    }

    /** Every key, in the order of the documentation. */
    public static List<Option<?>> all() {
        return ALL;
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
        return "GIL4J_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** The text that stands for the option when no source sets it. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as the documentation shows it: the text, or what an empty default means. */
    public String shownDefault() {
        return shownDefault;
    }

    /** What values are accepted, for error messages and help. */
    public String accepted() {
        return parser.accepted();
    }

    /** What the option does, in Markdown. */
    public String purpose() {
        return purpose;
    }

    /** The value of {@code text}. @throws IllegalArgumentException if the text is not accepted */
    T parse(String text) {
        return parser.parse(text);
    }

    /** All keys, comma-separated, for error messages. */
    static String allKeys() {
        return ALL.stream().map(Option::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return propertyName();
    }
}
