package io.gil4j.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InterpreterLoaderTest {

    /** A class with a static field, to be loaded once per interpreter. */
    static final class Module {
        static int global;
    }

    private static InterpreterLoader interpreter(String name) {
        return InterpreterLoader.mirroring(Module.class.getClassLoader(), Module.class, name);
    }

    @Test
    void a_class_loaded_by_two_interpreters_is_two_classes_with_statics_of_their_own() throws Exception {
        try (InterpreterLoader first = interpreter("first");
                InterpreterLoader second = interpreter("second")) {
            Class<?> one = Class.forName(Module.class.getName(), true, first);
            Class<?> two = Class.forName(Module.class.getName(), true, second);

            assertNotSame(one, two);
            assertNotSame(Module.class, one);
            Field global = one.getDeclaredField("global");
            global.setAccessible(true);
            global.setInt(null, 7);
            assertEquals(0, global(two));
            assertEquals(0, Module.global);
        }
    }

    @Test
    void jdk_classes_are_shared_with_the_caller() throws Exception {
        try (InterpreterLoader loader = interpreter("jdk")) {
            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertSame(java.sql.Date.class, loader.loadClass("java.sql.Date")); // from the platform loader
            assertEquals("jdk", loader.getName());
        }
    }

    @Test
    void class_path_of_the_system_loader_is_java_class_path() {
        List<URI> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Paths.get(e).toAbsolutePath().toUri())
                .collect(Collectors.toList());

        List<URL> urls = InterpreterLoader.classPath(ClassLoader.getSystemClassLoader(), Module.class);

        assertEquals(entries, urls.stream().map(InterpreterLoaderTest::uri).collect(Collectors.toList()));
    }

    @Test
    void class_path_of_a_url_loader_lists_its_ancestors_first() throws Exception {
        URL parentJar = new URL("file:/libs/parent.jar");
        URL childJar = new URL("file:/libs/child.jar");
        try (URLClassLoader parent = new URLClassLoader(new URL[] {parentJar}, ClassLoader.getPlatformClassLoader());
                URLClassLoader child = new URLClassLoader(new URL[] {childJar}, parent)) {
            assertEquals(List.of(parentJar, childJar), InterpreterLoader.classPath(child, Module.class));
        }
    }

    @Test
    void class_path_of_a_loader_without_urls_is_the_code_source_of_the_marked_class() throws Exception {
        URL location = new URL("file:/libs/opaque.jar");
        Opaque opaque = new Opaque();
        Class<?> marked = opaque.define(Module.class, location);

        assertEquals(List.of(location), InterpreterLoader.classPath(opaque, marked));
        assertEquals(List.of(), InterpreterLoader.classPath(opaque, Module.class), "not the marked class's loader");
    }

    /** A loader that is no {@link URLClassLoader}, defining classes from given bytes. */
    private static final class Opaque extends ClassLoader {

        Opaque() {
            super("opaque", ClassLoader.getPlatformClassLoader());
        }

        Class<?> define(Class<?> template, URL location) throws IOException {
            String resource = template.getName().replace('.', '/') + ".class";
            byte[] bytes;
            try (InputStream in = template.getClassLoader().getResourceAsStream(resource)) {
                bytes = in.readAllBytes();
            }
            CodeSource source = new CodeSource(location, (Certificate[]) null);
            return defineClass(template.getName(), bytes, 0, bytes.length, new ProtectionDomain(source, null));
        }
    }

    private static URI uri(URL url) {
        try {
            return Paths.get(url.toURI()).toUri();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static int global(Class<?> module) throws ReflectiveOperationException {
        Field global = module.getDeclaredField("global");
        global.setAccessible(true);
        return global.getInt(null);
    }
}
