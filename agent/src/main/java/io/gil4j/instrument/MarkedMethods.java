package io.gil4j.instrument;

import io.gil4j.config.MarkPattern;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which methods are marked for rerouting: those annotated {@code @io.gil4j.api.Offload} or with an
 * annotation that {@code gil4j.offload} names, and those its method patterns select. Only methods with a
 * body can be marked: not constructors, initialisers, abstract, native or bridge methods. Annotations are
 * matched by name, read from class files, so neither the API jar nor the annotation needs to be loaded.
 */
final class MarkedMethods implements ElementMatcher<MethodDescription> {

    /** The annotation that always marks. */
    static final String OFFLOAD = "io.gil4j.api.Offload";

    private final Set<String> annotations = new HashSet<>();
    private final List<MarkPattern> patterns;

    MarkedMethods(List<MarkPattern> marks) {
        annotations.add(OFFLOAD);
        marks.stream().map(MarkPattern::annotation).filter(a -> a != null).forEach(annotations::add);
        patterns = marks.stream().filter(m -> m.annotation() == null).collect(java.util.stream.Collectors.toList());
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

    /** True if {@code type} declares a marked method. */
    boolean anyIn(TypeDescription type) {
        return !type.isInterface() && !type.isAnnotation() && !type.getDeclaredMethods().filter(this).isEmpty();
    }
}
