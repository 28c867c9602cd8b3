package io.gil4j.dispatch;

import java.io.IOException;
import java.util.jar.JarFile;

/** The application's main class, read from the launcher's command ({@code sun.java.command}). */
final class MainClass {

    private MainClass() {}

    /** The main class's binary name, or null if the JVM was not started by the java launcher with one. */
    static String name() {
        String command = System.getProperty("sun.java.command", "").trim();
        if (command.isEmpty()) {
            return null;
        }
        String first = command.split("\\s+")[0];
        if (!first.endsWith(".jar")) {
            return first;
        }
        try (JarFile jar = new JarFile(first)) {
            return jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            return null;
        }
    }
}
