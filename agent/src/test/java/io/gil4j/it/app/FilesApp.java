package io.gil4j.it.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Waits until the agent has written its control file, then prints every file and directory under {@code
 * java.io.tmpdir} with its permissions ({@code <path> <rwx------>}), and ends: returning from {@code main},
 * or with the argument {@code halt} by {@code Runtime.halt}, which runs no exit hook.
 */
public final class FilesApp {

    private static final long WAIT_NANOS = 20_000_000_000L;

    private FilesApp() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path temp = Paths.get(System.getProperty("java.io.tmpdir"));
        Path control = temp.resolve("gil4j-" + System.getProperty("user.name"))
                .resolve(ProcessHandle.current().pid() + ".control");
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!Files.exists(control) && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        try (Stream<Path> paths = Files.walk(temp)) {
            paths.filter(p -> !p.equals(temp)).forEach(p -> {
                try {
                    System.out.println(temp.relativize(p) + " "
                            + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
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
