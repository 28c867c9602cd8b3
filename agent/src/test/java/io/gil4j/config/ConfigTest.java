package io.gil4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.gil.Algorithm;
import io.gil4j.pool.QueuePolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void defaults_are_native_the_default_selection_5ms_new_gil() {
        Config config = Config.defaults();
        assertEquals(Mode.NATIVE, config.mode());
        assertTrue(config.selection().include().isEmpty());
        assertEquals(5_000_000, config.lock().switchIntervalNanos());
        assertEquals(Algorithm.NEW, config.lock().algorithm());
        assertEquals(100, config.lock().checkInterval());
    }

    @Test
    void agent_argument_wins_over_property_which_wins_over_environment() throws Exception {
        Map<String, String> env = Map.of("GIL4J_MODE", "gil", "GIL4J_SWITCH_INTERVAL", "1ms", "GIL4J_GIL", "legacy");
        Map<String, String> props = Map.of("gil4j.mode", "native", "gil4j.switch-interval", "2ms");
        Config config = Config.load("switch-interval=3ms", props, env);
        assertEquals(3_000_000, config.lock().switchIntervalNanos());
        assertEquals(Mode.NATIVE, config.mode());
        assertEquals(Algorithm.LEGACY, config.lock().algorithm());
    }

    @Test
    void agent_argument_accepts_keys_spelled_as_their_system_properties() throws Exception {
        Config config =
                Config.load("gil4j.mode=gil,gil4j.control.port=0,gil4j.otel.service.name=shop", Map.of(), Map.of());
        assertEquals(Mode.GIL, config.mode());
        assertEquals(Map.of("otel.service.name", "shop"), config.telemetry().otelOverrides());
        ConfigException unknown =
                assertThrows(ConfigException.class, () -> Config.load("gil4j.bogus=1", Map.of(), Map.of()));
        assertTrue(unknown.getMessage().contains("gil4j.bogus"), unknown.getMessage());
    }

    @Test
    void agent_argument_value_lists_continue_until_the_next_key() throws Exception {
        Config config = Config.load("include=com.a.**,com.b.*;mode=gil,exclude=com.a.Gen*", Map.of(), Map.of());
        assertEquals("[com.a.**, com.b.*]", config.selection().include().toString());
        assertEquals("[com.a.Gen*]", config.selection().exclude().toString());
        assertEquals(Mode.GIL, config.mode());
    }

    @ParameterizedTest
    @CsvSource({"1us,1000", "500us,500000", "500µs,500000", "5ms,5000000", "2s,2000000000", "1500ns,1500"})
    void switch_interval_accepts_durations_with_units(String text, long nanos) throws Exception {
        assertEquals(
                nanos,
                Config.load("switch-interval=" + text, Map.of(), Map.of())
                        .lock()
                        .switchIntervalNanos());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mode=turbo|gil4j.mode=turbo|native, gil",
                "switch-interval=5|gil4j.switch-interval=5|from 1us to 60s",
                "switch-interval=999ns|gil4j.switch-interval=999ns|from 1us to 60s",
                "gil=old|gil4j.gil=old|new, legacy",
                "check-interval=0|gil4j.check-interval=0|from 1 to 1000000",
                "include=com.a.b-c|gil4j.include=com.a.b-c|class globs",
                "offload=com.acme.Pricing|gil4j.offload=com.acme.Pricing|method patterns",
                "offload=@com.acme.Cpu*|gil4j.offload=@com.acme.Cpu*|annotations",
                "workers=0|gil4j.workers=0|from 1 to 1024",
                "workers=1025|gil4j.workers=1025|from 1 to 1024",
                "workers=two|gil4j.workers=two|from 1 to 1024",
                "pool.queue=0|gil4j.pool.queue=0|from 1 to 1000000",
                "pool.queue=1000001|gil4j.pool.queue=1000001|from 1 to 1000000",
                "pool.policy=drop|gil4j.pool.policy=drop|block, caller-runs, reject",
                "interpreters.isolation=process|gil4j.interpreters.isolation=process|shared, classloader",
                "processes.max-tasks=-1|gil4j.processes.max-tasks=-1|from 0 to",
                "processes.allow=com.acme/x|gil4j.processes.allow=com.acme/x|class globs",
                "control.port=65536|gil4j.control.port=65536|from 0 to 65535",
                "control.port=http|gil4j.control.port=http|or off",
                "control.host=a b|gil4j.control.host=a b|host name or address",
                "control.token=two words|gil4j.control.token=two words|printable characters",
            })
    void bad_value_message_names_key_value_and_accepted_values(String argument, String named, String accepted) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(argument, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains(named) && e.getMessage().contains(accepted), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void offload_lists_method_patterns_and_annotations_in_order() throws Exception {
        Config config =
                Config.load("offload=com.acme.Pricing#quote,@com.acme.CpuBound,com.acme.**#price*", Map.of(), Map.of());

        assertEquals(
                "[com.acme.Pricing#quote, @com.acme.CpuBound, com.acme.**#price*]",
                config.selection().offload().toString());
        assertEquals("com.acme.CpuBound", config.selection().offload().get(1).annotation());
    }

    @Test
    void control_defaults_to_loopback_port_9465_a_made_up_token_and_no_mode_file() {
        Config config = Config.defaults();
        assertEquals("127.0.0.1", config.control().host());
        assertEquals(9465, config.control().port());
        assertTrue(config.control().portDefaulted());
        assertEquals("", config.control().token());
        assertEquals(null, config.control().modeFile());
    }

    @Test
    void control_port_off_disables_the_endpoint_and_a_set_token_is_never_described() throws Exception {
        Config config = Config.load("control.port=off,control.token=s3cret", Map.of(), Map.of());
        assertEquals(-1, config.control().port());
        assertEquals("s3cret", config.control().token());
        assertTrue(!config.describe().contains("s3cret"), config.describe());
    }

    @Test
    void pool_and_process_defaults() {
        Config config = Config.defaults();

        assertTrue(config.selection().offload().isEmpty());
        assertEquals(
                Runtime.getRuntime().availableProcessors(),
                config.pools().workers(),
                "empty: the available processors");
        assertEquals(1024, config.pools().queue());
        assertEquals(QueuePolicy.BLOCK, config.pools().policy());
        assertFalse(config.pools().isolatedInterpreters());
        assertEquals(0, config.processes().maxTasks());
        assertTrue(config.processes().allow().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1024,1024", "' 8 ',8"})
    void workers_accepts_whole_numbers_from_1_to_1024(String text, int workers) throws Exception {
        assertEquals(
                workers,
                Config.load(null, Map.of("gil4j.workers", text), Map.of())
                        .pools()
                        .workers());
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1000000,1000000"})
    void pool_queue_accepts_whole_numbers_from_1_to_a_million(String text, int capacity) throws Exception {
        assertEquals(
                capacity,
                Config.load("pool.queue=" + text, Map.of(), Map.of()).pools().queue());
    }

    @ParameterizedTest
    @CsvSource({"block,BLOCK", "caller-runs,CALLER_RUNS", "REJECT,REJECT"})
    void pool_policy_accepts_its_three_names_in_any_case(String text, QueuePolicy policy) throws Exception {
        assertEquals(
                policy,
                Config.load("pool.policy=" + text, Map.of(), Map.of()).pools().policy());
    }

    @ParameterizedTest
    @CsvSource({"shared,false", "classloader,true", "ClassLoader,true"})
    void interpreters_isolation_is_shared_or_classloader(String text, boolean isolated) throws Exception {
        assertEquals(
                isolated,
                Config.load("interpreters.isolation=" + text, Map.of(), Map.of())
                        .pools()
                        .isolatedInterpreters());
    }

    @ParameterizedTest
    @CsvSource({"5s,5000", "0s,0", "500ms,500", "60s,60000"})
    void shutdown_drain_is_a_duration_from_0_to_60_s_default_5_s(String text, long millis) throws Exception {
        assertEquals(5_000, Config.defaults().pools().shutdownDrain().toMillis());
        assertEquals(
                millis,
                Config.load("shutdown.drain=" + text, Map.of(), Map.of())
                        .pools()
                        .shutdownDrain()
                        .toMillis());
    }

    @Test
    void shutdown_drain_over_60_s_or_not_a_duration_is_rejected_naming_the_key() {
        for (String bad : new String[] {"61s", "5", "soon"}) {
            ConfigException e =
                    assertThrows(ConfigException.class, () -> Config.load("shutdown.drain=" + bad, Map.of(), Map.of()));
            assertTrue(e.getMessage().contains("gil4j.shutdown.drain=" + bad), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0", "500,500", "2147483647,2147483647"})
    void processes_max_tasks_accepts_zero_for_never_and_any_positive_count(String text, int tasks) throws Exception {
        assertEquals(
                tasks,
                Config.load("processes.max-tasks=" + text, Map.of(), Map.of())
                        .processes()
                        .maxTasks());
    }

    @Test
    void processes_allow_lists_class_globs() throws Exception {
        Config config = Config.load("processes.allow=com.acme.model.**,com.acme.Money", Map.of(), Map.of());

        assertEquals(
                "[com.acme.model.**, com.acme.Money]",
                config.processes().allow().toString());
    }

    @Test
    void environment_names_write_dots_and_dashes_as_underscores() throws Exception {
        Map<String, String> env = Map.of(
                "GIL4J_POOL_QUEUE",
                "7",
                "GIL4J_POOL_POLICY",
                "reject",
                "GIL4J_INTERPRETERS_ISOLATION",
                "classloader",
                "GIL4J_PROCESSES_MAX_TASKS",
                "3",
                "GIL4J_PROCESSES_ALLOW",
                "com.acme.*",
                "GIL4J_WORKERS",
                "2",
                "GIL4J_OFFLOAD",
                "a.B#c");

        Config config = Config.load(null, Map.of(), env);

        assertEquals(7, config.pools().queue());
        assertEquals(QueuePolicy.REJECT, config.pools().policy());
        assertTrue(config.pools().isolatedInterpreters());
        assertEquals(3, config.processes().maxTasks());
        assertEquals("[com.acme.*]", config.processes().allow().toString());
        assertEquals(2, config.pools().workers());
        assertEquals("[a.B#c]", config.selection().offload().toString());
        assertEquals("GIL4J_POOL_QUEUE", Option.POOL_QUEUE.environmentName());
        assertEquals("GIL4J_PROCESSES_MAX_TASKS", Option.PROCESSES_MAX_TASKS.environmentName());
    }

    @Test
    void otel_keys_from_every_source_are_overrides_for_gil4j_alone_with_the_usual_precedence() throws Exception {
        Map<String, String> env = Map.of(
                "GIL4J_OTEL_EXPORTER_PROMETHEUS_PORT",
                "3",
                "GIL4J_OTEL_SERVICE_NAME",
                "shop",
                "OTEL_EXPORTER_PROMETHEUS_PORT",
                "9");
        Map<String, String> props = Map.of("gil4j.otel.exporter.prometheus.port", "2");
        Config config = Config.load("otel.exporter.prometheus.port=1", props, env);
        assertEquals(
                Map.of("otel.exporter.prometheus.port", "1", "otel.service.name", "shop"),
                config.telemetry().otelOverrides());
        assertEquals(
                "2", Config.load(null, props, env).telemetry().otelOverrides().get("otel.exporter.prometheus.port"));
        assertEquals(
                "3",
                Config.load(null, Map.of(), env).telemetry().otelOverrides().get("otel.exporter.prometheus.port"));
        assertTrue(config.describe().contains("gil4j.otel.service.name=shop"));
    }

    @Test
    void speedup_baseline_is_a_mode_sequential_by_default() throws Exception {
        assertEquals(Mode.SEQUENTIAL, Config.defaults().telemetry().speedupBaseline());
        assertEquals(
                Mode.GIL,
                Config.load("speedup.baseline=gil", Map.of(), Map.of())
                        .telemetry()
                        .speedupBaseline());
        ConfigException e =
                assertThrows(ConfigException.class, () -> Config.load("speedup.baseline=fast", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("gil4j.speedup.baseline=fast"), e.getMessage());
    }

    @Test
    void unknown_keys_are_rejected_from_every_source_with_the_accepted_keys() {
        for (Runnable load : new Runnable[] {
            () -> load("modus=gil", Map.of(), Map.of()),
            () -> load(null, Map.of("gil4j.modus", "gil"), Map.of()),
            () -> load(null, Map.of(), Map.of("GIL4J_MODUS", "gil")),
        }) {
            AssertionError e = assertThrows(AssertionError.class, load::run);
            assertTrue(
                    e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("modus")
                            && e.getMessage().contains("switch-interval"),
                    e.getMessage());
        }
    }

    @Test
    void argument_segment_without_key_is_rejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load("gil", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("'gil' is not key=value"), e.getMessage());
    }

    @Test
    void unrelated_properties_and_variables_are_ignored() throws Exception {
        Config config = Config.load(null, Map.of("java.home", "/x", "gil4jx", "y"), Map.of("PATH", "/bin"));
        assertEquals(Mode.NATIVE, config.mode());
    }

    private static void load(String argument, Map<String, String> props, Map<String, String> env) {
        try {
            Config.load(argument, props, env);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
        throw new AssertionError("accepted");
    }
}
