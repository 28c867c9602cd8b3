package io.gil4j.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The fleet-wide toggle ({@code gil4j.mode.file}): the mode follows the content of a file, such as a
 * Kubernetes ConfigMap mounted into every pod. The file is read every {@link #POLL}; whenever its trimmed
 * content differs from the last content read, that content is applied as a mode. Between two changes of the
 * file, a mode switched by other means (HTTP, JMX, the API) stands.
 *
 * <p><b>Bounded reads.</b> Only a regular file is read (a symbolic link is followed), and only its first
 * {@link #MAX_BYTES} bytes: a device such as {@code /dev/zero}, a FIFO or a huge file costs one small read
 * at most. Content that is not a mode (an unknown name, over {@link #MAX_BYTES} bytes, not UTF-8, not a
 * regular file) is logged once per distinct content and ignored, and the mode stays; a missing or
 * unreadable file changes nothing.
 *
 * <p><b>The watcher cannot die.</b> Any failure of a poll, even an {@link Error}, is logged (once while it
 * repeats) and the next poll runs.
 *
 * <p>Polling rather than a {@code WatchService}: mounted ConfigMaps change by an atomic symlink swap that
 * watch services report unreliably, and one small read a second costs nothing.
 */
public final class ModeFile implements AutoCloseable {

    /** How often the file is read. */
    public static final Duration POLL = Duration.ofMillis(500);
    /** The most bytes read: longer content is not a mode. */
    static final int MAX_BYTES = 64;

    /**
     * What one read found: a mode name to apply, or what makes the content unusable; {@code raw}, the bytes
     * read in hex, tells distinct bad contents apart.
     */
    private record Content(String text, String problem, String raw) {
        static Content bad(String problem, byte[] bytes) {
            return new Content(null, problem, HexFormat.of().formatHex(bytes));
        }
    }

    private final Path file;
    private final AgentStatus agent;
    private final Consumer<String> warn;
    private final Thread thread;
    private volatile boolean running = true;
    private Content last;
    private String lastFailure;

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
        modeFile.pollSafely();
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
            pollSafely();
        }
    }

    /** {@link #poll}, with any failure logged once while it repeats; never throws. */
    private void pollSafely() {
        try {
            poll();
            lastFailure = null;
        } catch (Throwable t) {
            String failure = t.toString();
            if (!failure.equals(lastFailure)) {
                lastFailure = failure;
                report("gil4j.mode.file " + file + ": " + failure + " while following it; it is read again every "
                        + POLL.toMillis() + " ms");
            }
        }
    }

    /** Reads the file once and applies a changed content. */
    synchronized void poll() {
        Content content = read();
        if (content == null || content.equals(last)) {
            return;
        }
        last = content;
        if (content.problem() != null) {
            report("gil4j.mode.file " + file + ": " + content.problem() + "; the mode stays " + agent.mode());
            return;
        }
        try {
            agent.switchMode(content.text());
        } catch (IllegalArgumentException e) {
            report("gil4j.mode.file " + file + ": " + e.getMessage() + "; the mode stays " + agent.mode());
        }
    }

    /** What the file holds now; null if it is missing or cannot be read for now (a swap under way). */
    private Content read() {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Files.exists(file) ? Content.bad("not a regular file", new byte[0]) : null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            return Content.bad(
                    "over " + MAX_BYTES + " bytes, not a mode (it starts with "
                            + HexFormat.of().formatHex(bytes, 0, 16) + " in hex)",
                    bytes);
        }
        try {
            return new Content(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString()
                            .trim(),
                    null,
                    null);
        } catch (CharacterCodingException e) {
            return Content.bad("not UTF-8 text (" + HexFormat.of().formatHex(bytes) + " in hex)", bytes);
        }
    }

    private void report(String line) {
        try {
            warn.accept(line);
        } catch (RuntimeException e) {
            // the log is best effort: following the file matters more
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
