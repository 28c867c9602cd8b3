package io.gil4j.dispatch;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The class loader of one interpreter under {@code interpreters.isolation=classloader}: it defines a copy of
 * its own of every class on the class path of the application loader it mirrors, so each interpreter has
 * its own statics, as each Python interpreter has its own module globals. Its parent is the platform class
 * loader: the JDK's classes are shared by every interpreter and the caller, and so is
 * {@code io.gil4j.bootstrap}, which the agent appends to the boot class path. The agent instruments the
 * classes it defines like any other.
 *
 * <p>Parallel capable: the interpreter's worker loads most of its classes, but code it hands to other
 * threads (a future's stages) may load more.
 */
final class InterpreterLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    InterpreterLoader(String name, URL[] classPath) {
        super(name, classPath, ClassLoader.getPlatformClassLoader());
    }

    /** A loader named {@code name} mirroring {@code original}, the loader of {@code marked}. */
    static InterpreterLoader mirroring(ClassLoader original, Class<?> marked, String name) {
        return new InterpreterLoader(name, classPath(original, marked).toArray(new URL[0]));
    }

    /**
     * Where {@code loader} and its ancestors below the platform loader find classes, ancestors first, as
     * parent-first delegation searches them: for the system class loader, the entries of
     * {@code java.class.path}; for a {@link URLClassLoader}, its URLs; for any other loader, nothing, except
     * for {@code marked}'s own loader, which gives the location of {@code marked}'s code source.
     */
    static List<URL> classPath(ClassLoader loader, Class<?> marked) {
        Deque<List<URL>> chain = new ArrayDeque<>();
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        for (ClassLoader l = loader; l != null && l != platform; l = l.getParent()) {
            if (l == ClassLoader.getSystemClassLoader()) {
                chain.addFirst(javaClassPath());
            } else if (l instanceof URLClassLoader) {
                chain.addFirst(Arrays.asList(((URLClassLoader) l).getURLs()));
            } else if (l == marked.getClassLoader()) {
                CodeSource source = marked.getProtectionDomain().getCodeSource();
                chain.addFirst(
                        source == null || source.getLocation() == null ? List.of() : List.of(source.getLocation()));
            }
        }
        List<URL> urls = new ArrayList<>();
        chain.forEach(urls::addAll);
        return urls;
    }

    private static List<URL> javaClassPath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                try {
                    urls.add(Paths.get(entry).toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException | InvalidPathException unusable) {
                    // an entry the system loader cannot use either: skip it, as it does
                }
            }
        }
        return urls;
    }
}
