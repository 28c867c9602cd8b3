package io.gil4j.instrument;

import io.gil4j.log.AgentLog;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Counts transformations and their failures. A class that fails to transform is logged once (it then
 * runs uninstrumented); nothing is ever thrown. With {@code gil4j.log=info} each transformed class is
 * logged too.
 */
final class TransformationLog extends AgentBuilder.Listener.Adapter {

    private static final int MAX_REMEMBERED_FAILURES = 10_000;
    private static final int MAX_LOADER_NAMES = 64;

    private final boolean verbose;
    private final AtomicLong transformed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Set<String> transformedNames = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> failedByLoader = new ConcurrentHashMap<>();

    TransformationLog(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public void onTransformation(
            TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
        transformed.incrementAndGet();
        transformedNames.add(type.getName());
        if (verbose) {
            AgentLog.info("instrumented " + type.getName());
        }
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        failed.incrementAndGet();
        String loaderName = loaderName(loader);
        AtomicLong count = failedByLoader.get(loaderName);
        if (count == null && failedByLoader.size() < MAX_LOADER_NAMES) {
            count = failedByLoader.computeIfAbsent(loaderName, name -> new AtomicLong());
        }
        if (count != null) {
            count.incrementAndGet();
        }
        if (reported.size() < MAX_REMEMBERED_FAILURES && reported.add(typeName)) {
            AgentLog.warn(
                    "could not instrument " + typeName + " (" + loaderName + "), it runs uninstrumented: " + error);
        }
    }

    /** A class loader as reports name it: its name if it has one, else its class; the bootstrap is "bootstrap". */
    static String loaderName(ClassLoader loader) {
        if (loader == null) {
            return "bootstrap";
        }
        return loader.getName() != null ? loader.getName() : loader.getClass().getName();
    }

    /** Classes transformed so far. */
    long transformed() {
        return transformed.get();
    }

    /** Classes, by name, transformed at some time. */
    int classes() {
        return transformedNames.size();
    }

    /** True if a class of this name was transformed at some time, in any loader. */
    boolean wasTransformed(String className) {
        return transformedNames.contains(className);
    }

    /** Transformations that failed so far. */
    long failed() {
        return failed.get();
    }

    /** Transformations that failed so far, by {@linkplain #loaderName class loader} (the first 64 loaders). */
    Map<String, Long> failedByLoader() {
        Map<String, Long> counts = new TreeMap<>();
        failedByLoader.forEach((loader, count) -> counts.put(loader, count.get()));
        return counts;
    }
}
