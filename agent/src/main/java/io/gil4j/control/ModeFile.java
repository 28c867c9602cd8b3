package io.gil4j.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The fleet-wide toggle ({@code gil4j.mode.file}): the mode follows the content of a file, such as a
 * Kubernetes ConfigMap mounted into every pod. The file is read every {@link #POLL}; whenever its trimmed
 * content differs from the last content read, that content is applied as a mode. A bad value is logged
 * once and ignored, and the mode stays; a missing or unreadable file changes nothing. Between two changes
 * of the file, a mode switched by other means (HTTP, JMX, the API) stands.
 *
 * <p>Polling rather than a {@code WatchService}: mounted ConfigMaps change by an atomic symlink swap that
 * watch services report unreliably, and one small read a second costs nothing.
 */
public final class ModeFile implements AutoCloseable {

    /** How often the file is read. */
    public static final Duration POLL = Duration.ofMillis(500);

    private final Path file;
    private final AgentStatus agent;
    private final Consumer<String> warn;
    private final Thread thread;
    private volatile boolean running = true;
    private String lastContent;

    private ModeFile(Path file, AgentStatus agent, Consumer<String> warn) {
        this.file = file;
        this.agent = agent;
        this.warn = warn;
        this.thread = new Thread(this::run, "gil4j-mode-file");
        thread.setDaemon(true);
    }

    /** Applies the file's content now, then follows it on a daemon thread; {@code warn} gets bad values. */
    public static ModeFile follow(Path file, AgentStatus agent, Consumer<String> warn) {
        ModeFile modeFile = new ModeFile(file, agent, warn);
        modeFile.poll();
        modeFile.thread.start();
        return modeFile;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            poll();
        }
    }

    /** Reads the file once and applies a changed content. Never throws. */
    synchronized void poll() {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            return; // unreadable for now (a swap under way): try again at the next poll
        }
        if (content.equals(lastContent)) {
            return;
        }
        lastContent = content;
        try {
            agent.switchMode(content);
        } catch (IllegalArgumentException e) {
            warn.accept("gil4j.mode.file " + file + ": " + e.getMessage() + "; the mode stays " + agent.mode());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
