package io.gil4j.instrument;

import io.gil4j.config.MarkPattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which methods are marked for rerouting: those annotated {@code @io.gil4j.api.Offload} or with an
 * annotation that {@code gil4j.offload} names, and those its method patterns select. Only methods with a
 * body can be marked: not constructors, initialisers, abstract, native or bridge methods. Annotations are
 * matched by name, read from class files, so neither the API jar nor the annotation needs to be loaded.
 * Method patterns can be added while the agent runs ({@link #markAlso}); the configured ones stay.
 */
final class MarkedMethods implements ElementMatcher<MethodDescription> {

    /** The annotation that always marks. */
    static final String OFFLOAD = "io.gil4j.api.Offload";

    private final Set<String> annotations = new HashSet<>();
    private final List<MarkPattern> configured;
    private final List<byte[]> descriptors;
    private volatile List<MarkPattern> added = List.of();
    private volatile List<MarkPattern> patterns;

    MarkedMethods(List<MarkPattern> marks) {
        annotations.add(OFFLOAD);
        marks.stream().map(MarkPattern::annotation).filter(a -> a != null).forEach(annotations::add);
        configured = marks.stream().filter(m -> m.annotation() == null).collect(Collectors.toUnmodifiableList());
        patterns = configured;
        descriptors = annotations.stream()
                .map(a -> ("L" + a.replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    /**
     * True if the class named {@code className}, whose class file is {@code classFile}, may declare a marked
     * method: a method pattern names the class, or the class file mentions a marking annotation. Reads no
     * more than the bytes; {@link #anyIn} gives the exact answer.
     */
    boolean mayMark(String className, byte[] classFile) {
        return isNamed(className) || mentionsAnnotation(classFile);
    }

    private boolean isNamed(String className) {
        return names(patterns, className);
    }

    private static boolean names(List<MarkPattern> patterns, String className) {
        for (MarkPattern pattern : patterns) {
            if (pattern.selectsClass(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks the methods {@code methodPatterns} select, besides the configured marks, in place of those added
     * before; the classes that either set names must then be retransformed.
     *
     * @param methodPatterns method patterns, no annotations (the callers check)
     * @return the patterns added before
     */
    List<MarkPattern> markAlso(List<MarkPattern> methodPatterns) {
        List<MarkPattern> before = added;
        added = List.copyOf(methodPatterns);
        patterns = Stream.concat(configured.stream(), added.stream()).collect(Collectors.toUnmodifiableList());
        return before;
    }

    /** The patterns added by {@link #markAlso}. */
    List<MarkPattern> added() {
        return added;
    }

    /** True if one of {@code patterns} names a class that {@code type} is. */
    static boolean namedBy(List<MarkPattern> patterns, Class<?> type) {
        return !type.isInterface() && names(patterns, type.getName());
    }

    private boolean mentionsAnnotation(byte[] classFile) {
        for (byte[] descriptor : descriptors) {
            if (Bytes.contains(classFile, descriptor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean matches(MethodDescription method) {
        if (!method.isMethod() || method.isAbstract() || method.isNative() || method.isBridge()) {
            return false;
        }
        for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
            if (annotations.contains(annotation.getAnnotationType().getName())) {
                return true;
            }
        }
        String owner = method.getDeclaringType().asErasure().getName();
        return patterns.stream().anyMatch(p -> p.matches(owner, method.getName()));
    }

    /**
     * {@link #mayMark} for a class already loaded, its class file read as its loader serves it; false if it
     * cannot be read.
     */
    boolean mayMarkLoaded(Class<?> type) {
        if (isNamed(type.getName())) {
            return true;
        }
        ClassLoader loader = type.getClassLoader();
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            return in != null && mentionsAnnotation(in.readAllBytes());
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** True if {@code type} declares a marked method. */
    boolean anyIn(TypeDescription type) {
        return !type.isInterface()
                && !type.isAnnotation()
                && !type.getDeclaredMethods().filter(this).isEmpty();
    }
}
