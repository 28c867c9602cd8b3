package io.gil4j.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The class file of a test class, as its loader serves it. */
final class ClassFiles {

    private ClassFiles() {}

    static byte[] of(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
