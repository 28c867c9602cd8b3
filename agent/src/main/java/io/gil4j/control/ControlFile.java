package io.gil4j.control;

import io.gil4j.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a JVM with the agent says how to reach its control endpoint: a file named by its PID in the user's
 * directory ({@code <java.io.tmpdir>/gil4j-<user.name>/<pid>.control}, see {@link PrivateFiles}), holding the
 * endpoint's URL and its token, readable by the user alone. The CLI's {@code status <pid>} and {@code mode
 * <pid> …} read it; the agent deletes it at exit, and the next agent or {@code list} if it could not.
 *
 * @param url the endpoint's base URL
 * @param token the bearer token that changing anything needs
 */
public record ControlFile(String url, String token) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh token: 32 random bytes, in hex. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The file of the JVM with process id {@code pid}. */
    public static Path of(long pid) {
        return PrivateFiles.ofProcess(pid, "control");
    }

    /**
     * Writes this to {@code file}, readable by the user alone, replacing an older one, in a directory of the
     * user's alone, to be deleted at exit ({@link PrivateFiles#write}).
     */
    public void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("url", url);
        properties.setProperty("token", token);
        StringWriter text = new StringWriter();
        properties.store(text, "gil4j control endpoint of this JVM");
        PrivateFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The file's content, or empty if there is none or it cannot be read or lacks a key. */
    public static Optional<ControlFile> read(Path file) {
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1))) {
            Properties properties = new Properties();
            properties.load(reader);
            String url = properties.getProperty("url");
            String token = properties.getProperty("token");
            return url == null || token == null ? Optional.empty() : Optional.of(new ControlFile(url, token));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
