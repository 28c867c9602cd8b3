package io.gil4j.it.app;

import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Waits until the agent has written its control file, then prints every file and directory under {@code
 * java.io.tmpdir} with its permissions ({@code <path> <rwx------>}), and ends: returning from {@code main},
 * or with the argument {@code halt} by {@code Runtime.halt}, which runs no exit hook.
 */
public final class FilesApp {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private FilesApp() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path temp = Paths.get(System.getProperty("java.io.tmpdir"));
        Path control = temp.resolve("gil4j-" + System.getProperty("user.name"))
                .resolve(ProcessHandle.current().pid() + ".control");
        Eventually.await("the control file " + control, WAIT, Duration.ofMillis(10), () -> Files.exists(control));
        try (Stream<Path> paths = Files.walk(temp)) {
            paths.filter(p -> !p.equals(temp)).forEach(p -> {
                try {
                    System.out.println(
                            temp.relativize(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                } catch (IOException e) {
                    System.out.println(temp.relativize(p) + " unreadable");
                }
            });
        }
        if (args.length > 0 && args[0].equals("halt")) {
            Runtime.getRuntime().halt(0);
        }
    }
}
