package io.gil4j.config;

import io.gil4j.glob.ClassGlob;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes get the lock's code, resolved once from the configuration. The {@code include} globs if any
 * are given ({@code include=**} for every class outside the JDK and the agent); by default, as CPython
 * divides the work, the application's own code: the main class's package and its sub-packages, and the
 * packages that {@code offload} method patterns name. Libraries then run under their caller's hold, as
 * C extensions run under the GIL, and pay nothing of their own.
 *
 * @param include the class globs selected
 * @param exclude the class globs never selected
 * @param origin how {@code include} came about, for the start-up line and {@code /status}
 */
public record Selection(List<ClassGlob> include, List<ClassGlob> exclude, String origin) {

    /** Resolves the selection of {@code config}, with the main class from the launcher's command. */
    public static Selection of(SelectionConfig config) {
        return of(config, MainClass.name());
    }

    static Selection of(SelectionConfig config, String mainClass) {
        if (!config.include().isEmpty()) {
            return new Selection(config.include(), config.exclude(), "include");
        }
        Set<String> globs = new LinkedHashSet<>();
        if (mainClass != null) {
            String pkg = MainClass.packageOf(mainClass);
            globs.add(pkg.isEmpty() ? "*" : pkg + ".**");
        }
        for (MarkPattern mark : config.offload()) {
            String pkg = mark.packagePrefix();
            if (pkg != null) {
                globs.add(pkg + ".**");
            }
        }
        List<ClassGlob> include = new ArrayList<>();
        globs.forEach(g -> include.add(ClassGlob.of(g)));
        String origin = mainClass == null
                ? "default, but no main class was found: set include= to select classes"
                : "default: the main class " + mainClass + "'s package and the offload patterns' packages";
        return new Selection(List.copyOf(include), config.exclude(), origin);
    }

    @Override
    public String toString() {
        return (include.isEmpty()
                        ? "nothing"
                        : String.join(
                                ",", include.stream().map(ClassGlob::toString).toList()))
                + (exclude.isEmpty()
                        ? ""
                        : " minus "
                                + String.join(
                                        ",",
                                        exclude.stream()
                                                .map(ClassGlob::toString)
                                                .toList()))
                + " (" + origin + ")";
    }
}
