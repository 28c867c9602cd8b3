package io.gil4j.webapp.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A child process's standard error, kept line by line as it comes by a daemon thread of its own. */
final class StandardError {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    StandardError(Process process, String threadName) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("(standard error lost: " + e + ")");
                    }
                },
                threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** The lines so far; a live view, safe to iterate while lines arrive. */
    List<String> lines() {
        return lines;
    }
}
