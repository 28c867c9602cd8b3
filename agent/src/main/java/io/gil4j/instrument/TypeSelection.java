package io.gil4j.instrument;

import io.gil4j.glob.ClassGlob;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes get the lock's code: those the {@code include} globs select (resolved by
 * {@code io.gil4j.config.Selection}: by default the application's own packages), minus the {@code exclude}
 * globs, minus what is never instrumented: the JDK, the agent and its relocated libraries, other agents and OpenTelemetry altogether (the OpenTelemetry Java agent loads its SDK
 * unrelocated, and telemetry threads must never wait for the lock), generated proxies (the JDK's {@code $Proxy} classes, defined in the package of a non-public interface they
 * implement, such as {@code org.springframework.core.$Proxy99}), synthetic and
 * hidden classes, and interfaces and annotations (nothing of theirs runs as work worth guarding).
 */
final class TypeSelection implements ElementMatcher<TypeDescription> {

    /**
     * Name prefixes never instrumented, whatever the configuration says. The packages that the agent jar
     * relocates (Byte Buddy, OpenTelemetry) are joined at run time: the shade plugin rewrites every string
     * constant that names a relocated package, and would turn these into the names of our own copies,
     * leaving the other agents' unrelocated classes instrumented (OpenTelemetry's class-definition hook then
     * waited for the lock while holding a class loader's lock: a deadlock, {@code OtelAgentCoexistenceIT}).
     */
    static final List<String> IGNORED_PREFIXES = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "com.sun.",
            "org.openjdk.jmh.",
            "io.gil4j.agent.",
            "io.gil4j.api.",
            "io.gil4j.bootstrap.",
            "io.gil4j.shaded.",
            "io.gil4j.gil.",
            "io.gil4j.config.",
            "io.gil4j.mode.",
            "io.gil4j.instrument.",
            "io.gil4j.cli.",
            "io.gil4j.offload.",
            "io.gil4j.pool.",
            "io.gil4j.process.",
            "io.gil4j.dispatch.",
            "io.gil4j.glob.",
            "io.gil4j.log.",
            "io.gil4j.metrics.",
            "io.gil4j.work.",
            "io.gil4j.cpu.",
            "io.gil4j.stats.",
            "io.gil4j.control.",
            "io.gil4j.advice.",
            "io.gil4j.experiment.",
            "io.gil4j.files.",
            "io.gil4j.crossing.",
            String.join(".", "net", "bytebuddy", ""),
            "org.objectweb.asm.",
            String.join(".", "io", "opentelemetry", ""),
            "datadog.",
            "com.datadog.",
            "com.newrelic.",
            "com.dynatrace.",
            "co.elastic.apm.",
            "org.glowroot.",
            "org.jacoco.agent.",
            "com.intellij.rt.",
            "org.gradle.",
            "org.apache.maven.surefire.");

    private final List<ClassGlob> include;
    private final List<ClassGlob> exclude;

    TypeSelection(List<ClassGlob> include, List<ClassGlob> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /** True if the name alone rules the class out; cheap, asked before anything is parsed. */
    static boolean isIgnoredName(String name) {
        for (String prefix : IGNORED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return name.contains("$$")
                || name.contains(".$Proxy")
                || name.contains("$ByteBuddy$")
                || name.contains("CGLIB$")
                || name.contains("_javassist_")
                || name.contains("$HibernateProxy$");
    }

    /** True if every class outside {@link #IGNORED_PREFIXES} and the generated ones is selected. */
    boolean selectsAll() {
        return exclude.isEmpty() && include.stream().anyMatch(g -> g.toString().equals("**"));
    }

    /** True if the configuration selects the class by name. */
    boolean selects(String name) {
        if (isIgnoredName(name)) {
            return false;
        }
        boolean included = include.stream().anyMatch(g -> g.matches(name));
        return included && exclude.stream().noneMatch(g -> g.matches(name));
    }

    @Override
    public boolean matches(TypeDescription type) {
        return !type.isInterface() && !type.isAnnotation() && !type.isSynthetic() && selects(type.getName());
    }
}
