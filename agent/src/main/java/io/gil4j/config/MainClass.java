package io.gil4j.config;

import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The application's main class, read from the launcher's command ({@code sun.java.command}): the class
 * named there, or for {@code -jar} the jar's {@code Start-Class} (what Spring Boot's launcher starts) or else
 * its {@code Main-Class}.
 */
public final class MainClass {

    private MainClass() {}

    /** The main class's binary name, or null if the JVM was not started by the java launcher with one. */
    public static String name() {
        return fromCommand(System.getProperty("sun.java.command", ""));
    }

    static String fromCommand(String command) {
        String trimmed = command.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        String first = trimmed.split("\\s+")[0];
        if (!first.endsWith(".jar")) {
            return first;
        }
        try (JarFile jar = new JarFile(first)) {
            if (jar.getManifest() == null) {
                return null;
            }
            Attributes main = jar.getManifest().getMainAttributes();
            String start = main.getValue("Start-Class");
            return start != null ? start : main.getValue("Main-Class");
        } catch (IOException e) {
            return null;
        }
    }

    /** The package of a binary class name, empty for the unnamed package. */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
