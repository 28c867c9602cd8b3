package io.gil4j.log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The agent's own failures, which it keeps from the application, by kind: {@code runtime} (a throwable in
 * the lock's or a marked call's code, which then ran as if uninstrumented) and {@code transformation} (a
 * class that could not be instrumented, which then runs as it is). Read by {@code /status} and {@code
 * gil4j.agent.failures}; {@link #warnOnce} writes one line the first time a kind counts any, so that a user
 * who reads neither still hears of it. Thread-safe.
 */
public final class AgentFailures {

    private final Map<String, LongSupplier> counters = new LinkedHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param runtime throwables kept from the application so far
     * @param transformations classes that failed to transform so far
     */
    public AgentFailures(LongSupplier runtime, LongSupplier transformations) {
        counters.put("runtime", runtime);
        counters.put("transformation", transformations);
    }

    /** Each kind's count so far, in a fixed order. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((kind, count) -> counts.put(kind, count.getAsLong()));
        return counts;
    }

    /** Warns once for each kind that counts a failure and was not warned of before; the agent's ticker calls it. */
    public void warnOnce() {
        counts().forEach((kind, count) -> {
            if (count > 0 && warned.add(kind)) {
                AgentLog.warn(count + " " + kind + " failure" + (count == 1 ? "" : "s") + " of the agent so far, kept"
                        + " from the application ("
                        + (kind.equals("runtime")
                                ? "the code ran as if uninstrumented"
                                : "the classes run uninstrumented")
                        + "); counted in /status failures and"
                        + " gil4j.agent.failures");
            }
        });
    }
}
