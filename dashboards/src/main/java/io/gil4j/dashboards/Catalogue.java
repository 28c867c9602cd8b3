package io.gil4j.dashboards;

import static io.gil4j.dashboards.Query.percentiles;
import static io.gil4j.dashboards.Query.rate;

import java.util.List;

/**
 * The dashboards gil4j ships, panel by panel: what each shows and how to read it. The metrics are those of
 * {@code docs/metrics.md}, as Prometheus names them.
 */
public final class Catalogue {

    private static final String MODE = "gil4j_mode=~\"$mode\"";
    private static final String LOCK = "gil4j_lock=~\"$lock\"";
    /** A lock's series in the chosen modes: every lock metric but the waiting count carries the mode. */
    private static final String LOCK_IN_MODE = LOCK + ", " + MODE;

    private static final Dashboard.Variable MODE_VARIABLE =
            new Dashboard.Variable("mode", "Mode", "gil4j_mode_active", "gil4j_mode");
    private static final String POOL = "gil4j_pool=~\"$pool\"";
    private static final String TASKS = "gil4j_task_duration_seconds_bucket";
    private static final String IDLE = "cpu_mode=~\"idle|iowait\"";

    private Catalogue() {}

    /** Every dashboard, in the order of the dashboard links. */
    public static List<Dashboard> all() {
        return List.of(overview(), gil(), pools(), cores());
    }

    static Dashboard overview() {
        return new Dashboard(
                "gil4j-overview",
                "gil4j / Overview",
                "The current mode, its speedup and parallelism, and the marked work per mode; the JVM below.",
                List.of(MODE_VARIABLE),
                List.of(
                        Panel.row("Mode"),
                        Panel.stat(
                                "Current mode",
                                "none",
                                "The mode in force on each instance; orange marks on the" + " graphs are switches.",
                                new Query(Query.of("gil4j_mode_active") + " == 1", "{{gil4j_mode}}")),
                        Panel.stat(
                                "Speedup over the baseline",
                                "none",
                                "Throughput of marked calls in the current mode"
                                        + " over that in the baseline mode, both measured in this process over their latest"
                                        + " stays; meaningful under a saturating load (see docs/metrics.md).",
                                new Query(Query.of("gil4j_speedup"), "{{gil4j_mode}} over {{gil4j_speedup_baseline}}")),
                        Panel.timeseries(
                                "Mode switch time",
                                "s",
                                "Mean time a switch to each mode took until the mode"
                                        + " was in force, since start-up: a switch between native or sequential and a mode with"
                                        + " the lock retransforms the selected classes to put the lock's code in or out.",
                                new Query(
                                        "max by (gil4j_mode) ("
                                                + Query.of("gil4j_mode_switch_duration_seconds_sum", MODE) + " / "
                                                + Query.of("gil4j_mode_switch_duration_seconds_count", MODE) + ")",
                                        "to {{gil4j_mode}}")),
                        Panel.timeseries(
                                "Effective parallelism against cores",
                                "none",
                                "CPU seconds per second used"
                                        + " by marked calls (all pools and callers), against the cores the process may run on:"
                                        + " under gil it stays at 1, under interpreters or native it climbs to the cores.",
                                new Query(
                                        "sum by (instance) (" + rate(Query.of("gil4j_work_cpu_time_seconds_total"))
                                                + ")",
                                        "parallelism {{instance}}"),
                                new Query(
                                        "count by (instance) (count by (instance, cpu_logical_number) ("
                                                + Query.of("system_cpu_time_seconds_total") + "))",
                                        "cores {{instance}}")),
                        Panel.timeseries(
                                "Throughput of marked calls",
                                "reqps",
                                "Marked calls ended per second, by the"
                                        + " mode they ran in: after a switch the old mode's line falls and the new one's rises.",
                                new Query(
                                        "sum by (gil4j_mode) ("
                                                + rate(Query.of("gil4j_task_duration_seconds_count", MODE)) + ")",
                                        "{{gil4j_mode}}")),
                        Panel.timeseries(
                                "Latency of marked calls",
                                "s",
                                "Percentiles of marked calls as their callers"
                                        + " saw them, queueing included, by mode.",
                                percentiles(Query.of(TASKS, MODE), "gil4j_mode", 0.5, 0.95, 0.99)),
                        Panel.timeseries(
                                "Failed marked calls",
                                "reqps",
                                "Marked calls that threw, per second, by" + " exception type.",
                                new Query(
                                        "sum by (error_type) ("
                                                + rate(Query.of(
                                                        "gil4j_task_duration_seconds_count", "error_type!=\"\""))
                                                + ")",
                                        "{{error_type}}")),
                        Panel.row("JVM"),
                        Panel.timeseries(
                                "Heap",
                                "bytes",
                                "Heap in use, per memory pool.",
                                new Query(
                                        "sum by (jvm_memory_pool_name) ("
                                                + Query.of("jvm_memory_used_bytes", "jvm_memory_type=\"heap\"") + ")",
                                        "{{jvm_memory_pool_name}}")),
                        Panel.timeseries(
                                "GC time",
                                "percentunit",
                                "Share of wall time spent in garbage collection.",
                                new Query(
                                        "sum by (jvm_gc_name) (" + rate(Query.of("jvm_gc_duration_seconds_sum")) + ")",
                                        "{{jvm_gc_name}}")),
                        Panel.timeseries(
                                "Threads",
                                "none",
                                "Live threads, by state.",
                                new Query(
                                        "sum by (jvm_thread_state) (" + Query.of("jvm_threads") + ")",
                                        "{{jvm_thread_state}}")),
                        Panel.timeseries(
                                "JVM CPU",
                                "none",
                                "CPU seconds per second the whole JVM used, against what" + " the marked work used.",
                                new Query(
                                        "sum by (instance) (" + rate(Query.of("jvm_cpu_time_seconds_total")) + ")",
                                        "JVM {{instance}}"),
                                new Query(
                                        "sum by (instance) (" + rate(Query.of("gil4j_work_cpu_time_seconds_total"))
                                                + ")",
                                        "marked work {{instance}}"))));
    }

    static Dashboard gil() {
        String held = Query.of("gil4j_lock_time_seconds_total", LOCK_IN_MODE + ", gil4j_lock_state=\"held\"");
        String waited = Query.of("gil4j_lock_time_seconds_total", LOCK_IN_MODE + ", gil4j_lock_state=\"wait\"");
        String waits = Query.of("gil4j_lock_wait_duration_seconds_bucket", LOCK_IN_MODE);
        String holds = Query.of("gil4j_lock_hold_duration_seconds_bucket", LOCK_IN_MODE);
        return new Dashboard(
                "gil4j-gil",
                "gil4j / GIL",
                "The interpreter locks: how busy, how contended, how they change hands. main is the global lock;"
                        + " interpreter-N and sequential are the pools' own.",
                List.of(MODE_VARIABLE, new Dashboard.Variable("lock", "Lock", "gil4j_lock_waiting", "gil4j_lock")),
                List.of(
                        Panel.row("Utilization and waiters"),
                        Panel.timeseries(
                                "Lock utilization",
                                "percentunit",
                                "Share of time each lock was held: under gil"
                                        + " the main lock is near 100 % while CPU-bound threads run; each interpreter's"
                                        + " tracks its worker's load.",
                                new Query("sum by (gil4j_lock) (" + rate(held) + ")", "{{gil4j_lock}}")),
                        Panel.timeseries(
                                "Waiters, average and now",
                                "none",
                                "Average threads waiting (rate of wait"
                                        + " time) and those waiting at the scrape; under gil it is about the threads minus one.",
                                new Query("sum by (gil4j_lock) (" + rate(waited) + ")", "average {{gil4j_lock}}"),
                                new Query(
                                        "sum by (gil4j_lock) (" + Query.of("gil4j_lock_waiting", LOCK) + ")",
                                        "now {{gil4j_lock}}")),
                        Panel.timeseries(
                                "Contention share",
                                "percentunit",
                                "Share of acquisitions whose taker had to" + " wait.",
                                new Query(
                                        "sum by (gil4j_lock) ("
                                                + rate(Query.of(
                                                        "gil4j_lock_acquisitions_total",
                                                        LOCK_IN_MODE + ", gil4j_lock_contended=\"true\""))
                                                + ") / sum by (gil4j_lock) ("
                                                + rate(Query.of("gil4j_lock_acquisitions_total", LOCK_IN_MODE)) + ")",
                                        "{{gil4j_lock}}")),
                        Panel.timeseries(
                                "Switches by reason",
                                "ops",
                                "Hand-overs a second, by why the holder let go:"
                                        + " forced (a waiter asked, at most 200/s at the 5 ms interval), blocking (I/O, a park anywhere), exit (a worker's call ended),"
                                        + " watchdog (a holder stuck out of sight).",
                                new Query(
                                        "sum by (gil4j_switch_reason) ("
                                                + rate(Query.of("gil4j_lock_switches_total", LOCK_IN_MODE)) + ")",
                                        "{{gil4j_switch_reason}}")),
                        Panel.row("Waits and holds"),
                        Panel.timeseries(
                                "Wait percentiles",
                                "s",
                                "How long acquisitions waited, per lock; an" + " uncontended one waits zero.",
                                percentiles(waits, "gil4j_lock", 0.5, 0.99)),
                        Panel.heatmap(
                                "Wait heatmap",
                                "s",
                                "Acquisitions a second by how long they waited.",
                                new Query("sum by (le) (" + rate(waits) + ")", "{{le}}")),
                        Panel.timeseries(
                                "Hold percentiles",
                                "s",
                                "How long each hold lasted: under gil with CPU-bound"
                                        + " threads, about the switch interval (5 ms).",
                                percentiles(holds, "gil4j_lock", 0.5, 0.99)),
                        Panel.heatmap(
                                "Hold heatmap",
                                "s",
                                "Holds a second by how long they lasted.",
                                new Query("sum by (le) (" + rate(holds) + ")", "{{le}}")),
                        Panel.row("Where the lock is held"),
                        Panel.bars(
                                "Where the lock is held",
                                "percentunit",
                                "The methods most often on the main"
                                        + " lock holder's stack, by the share of its stacks they were on (JFR samples during"
                                        + " the last advise window), top 20; advise ranks them and predicts what rerouting"
                                        + " each would buy (docs/advise.md).",
                                new Query(
                                        "topk(20, max by (code_function_name) (" + Query.of("gil4j_lock_hold_share")
                                                + "))",
                                        "{{code_function_name}}")),
                        Panel.timeseries(
                                "Predicted and measured speedup",
                                "none",
                                "What the last advise predicted"
                                        + " rerouting its first recommendation to interpreters would buy, beside the speedup"
                                        + " measured in each mode over the baseline; after switching to interpreters with that"
                                        + " offload= the two lines should meet.",
                                new Query(
                                        Query.of("gil4j_advice_speedup"),
                                        "predicted: offload={{gil4j_advice_offload}}"),
                                new Query(
                                        Query.of("gil4j_speedup"),
                                        "measured: {{gil4j_mode}} over {{gil4j_speedup_baseline}}"))));
    }

    static Dashboard pools() {
        String waits = Query.of("gil4j_pool_task_wait_time_seconds_bucket", POOL);
        return new Dashboard(
                "gil4j-pools",
                "gil4j / Pools",
                "The pools that run marked calls in the sequential, interpreters and processes modes.",
                List.of(new Dashboard.Variable("pool", "Pool", "gil4j_pool_threads", "gil4j_pool")),
                List.of(
                        Panel.row("Workers and queues"),
                        Panel.timeseries(
                                "Active and idle workers",
                                "none",
                                "Workers running a call and workers"
                                        + " waiting for one; a worker process counts as one.",
                                new Query(
                                        "sum by (gil4j_pool, gil4j_pool_thread_state) ("
                                                + Query.of("gil4j_pool_threads", POOL) + ")",
                                        "{{gil4j_pool}} {{gil4j_pool_thread_state}}")),
                        Panel.timeseries(
                                "Queue length against limit",
                                "none",
                                "Calls waiting for a worker, against"
                                        + " the queue's capacity (gil4j.pool.queue): at the limit, gil4j.pool.policy decides.",
                                new Query(
                                        "sum by (gil4j_pool) (" + Query.of("gil4j_pool_queue_length", POOL) + ")",
                                        "queued {{gil4j_pool}}"),
                                new Query(
                                        "sum by (gil4j_pool) (" + Query.of("gil4j_pool_queue_limit", POOL) + ")",
                                        "limit {{gil4j_pool}}")),
                        Panel.timeseries(
                                "Queue wait",
                                "s",
                                "How long calls waited for a worker (for worker" + " processes, a start-up included).",
                                percentiles(waits, "gil4j_pool", 0.5, 0.99)),
                        Panel.timeseries(
                                "Rejected calls",
                                "reqps",
                                "Calls refused a second: a full queue under"
                                        + " reject, a pool shut down, no worker process free in time.",
                                new Query(
                                        "sum by (gil4j_pool) (" + rate(Query.of("gil4j_pool_task_rejected_total", POOL))
                                                + ")",
                                        "{{gil4j_pool}}")),
                        Panel.timeseries(
                                "CPU per pool",
                                "none",
                                "CPU seconds per second used by each pool's workers"
                                        + " (inline: by marked calls in their callers).",
                                new Query(
                                        "sum by (gil4j_pool) ("
                                                + rate(Query.of("gil4j_work_cpu_time_seconds_total", POOL)) + ")",
                                        "{{gil4j_pool}}")),
                        Panel.row("Worker processes"),
                        Panel.timeseries(
                                "Worker starts and deaths",
                                "none",
                                "Worker JVMs started, and those that"
                                        + " died without the pool asking, over 5 minutes: deaths that keep coming are a crash loop.",
                                new Query(
                                        "sum by (gil4j_pool) (increase(" + Query.of("gil4j_pool_worker_starts_total")
                                                + "[5m]))",
                                        "starts {{gil4j_pool}}"),
                                new Query(
                                        "sum by (gil4j_pool) (increase(" + Query.of("gil4j_pool_worker_deaths_total")
                                                + "[5m]))",
                                        "deaths {{gil4j_pool}}")),
                        Panel.stat(
                                "Mean worker start-up",
                                "s",
                                "Spawn to connection, averaged over every worker JVM"
                                        + " started (CPython's spawn: about 50 ms).",
                                new Query(
                                        "sum by (instance) (" + Query.of("gil4j_pool_worker_startup_time_seconds_total")
                                                + ") / sum by (instance) (" + Query.of("gil4j_pool_worker_starts_total")
                                                + ")",
                                        "{{instance}}"))));
    }

    static Dashboard cores() {
        String all = Query.of("system_cpu_time_seconds_total");
        String busyShare =
                "1 - sum by (instance, cpu_logical_number) (" + rate(Query.of("system_cpu_time_seconds_total", IDLE))
                        + ") / sum by (instance, cpu_logical_number) (" + rate(all) + ")";
        return new Dashboard(
                "gil4j-cores",
                "gil4j / Cores",
                "Per-core utilization of the CPUs the process may run on, and the JVM's own CPU.",
                List.of(),
                List.of(
                        Panel.row("Cores"),
                        Panel.timeseries(
                                "Per-core utilization",
                                "percentunit",
                                "Busy share of each logical CPU"
                                        + " (everything but idle and I/O wait): under gil one core carries the work at a time.",
                                new Query(busyShare, "cpu {{cpu_logical_number}}")),
                        Panel.heatmap(
                                "Per-core utilization heatmap",
                                "percentunit",
                                "The same, one row a core.",
                                new Query(busyShare, "{{cpu_logical_number}}")),
                        Panel.timeseries(
                                "Busy cores against available",
                                "none",
                                "Cores' worth of busy time, against" + " the cores the process may run on.",
                                new Query("sum by (instance) (" + busyShare + ")", "busy {{instance}}"),
                                new Query(
                                        "count by (instance) (count by (instance, cpu_logical_number) (" + all + "))",
                                        "available {{instance}}")),
                        Panel.timeseries(
                                "JVM CPU",
                                "none",
                                "CPU seconds per second of the whole JVM, and its recent"
                                        + " utilization of the machine in cores.",
                                new Query(
                                        "sum by (instance) (" + rate(Query.of("jvm_cpu_time_seconds_total")) + ")",
                                        "JVM {{instance}}"),
                                new Query(
                                        "sum by (instance) (" + Query.of("jvm_cpu_recent_utilization")
                                                + " * on (instance) " + Query.of("jvm_cpus") + ")",
                                        "recent {{instance}}"))));
    }
}
