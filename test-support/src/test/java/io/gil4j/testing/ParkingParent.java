package io.gil4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM's main that starts a {@link ParkForever} of its own, prints {@code child <pid>}, and then parks as
 * that one does; its shutdown hook writes {@code hook ran} to the file named by its argument.
 */
public final class ParkingParent {

    private ParkingParent() {}

    public static void main(String[] args) throws IOException {
        Path hookFile = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(hookFile, "hook ran");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        Process child = new ProcessBuilder(
                        ForkedProcess.currentJava(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ParkForever.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        System.out.println("child " + child.pid());
        System.out.flush();
        ParkForever.main(args);
    }
}
