package io.gil4j.instrument;

import java.util.List;

/**
 * The class loaders whose classes are never instrumented: the bootstrap and platform loaders (the JDK),
 * the agent's own, and other agents' own loaders, which hold those agents' machinery and their unrelocated
 * copies of libraries (OpenTelemetry's loads OkHttp, Okio, Kotlin and Jackson as they are), not the
 * application's work.
 */
final class Loaders {

    /** Packages of other agents, by the class of their class loaders. */
    static final List<String> OTHER_AGENTS = List.of(
            String.join(".", "io", "opentelemetry", "javaagent", ""),
            "datadog.",
            "com.datadog.",
            "com.newrelic.",
            "com.dynatrace.",
            "co.elastic.apm.",
            "org.glowroot.");

    private final ClassLoader agent;

    Loaders(ClassLoader agent) {
        this.agent = agent;
    }

    /** True if nothing {@code loader} defines is instrumented; null is the bootstrap loader. */
    boolean ignores(ClassLoader loader) {
        return loader == null
                || loader == agent
                || loader == ClassLoader.getPlatformClassLoader()
                || isAnotherAgents(loader);
    }

    /** True if {@code loader} (not null) is another agent's own class loader, by the package of its class. */
    private static boolean isAnotherAgents(ClassLoader loader) {
        String name = loader.getClass().getName();
        for (String prefix : OTHER_AGENTS) { // asked at every class definition: no stream
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
