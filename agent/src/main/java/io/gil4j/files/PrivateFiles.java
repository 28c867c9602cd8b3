package io.gil4j.files;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every file the agent writes lives here: in the user's directory {@code <java.io.tmpdir>/gil4j-<user.name>},
 * {@code rwx------} and owned by the user, each file {@code rw-------} and named after the process that wrote
 * it ({@code <pid>.control}, {@code <pid>.bootstrap.jar}, {@code <pid>.worker-<n>.sock}). A directory of that
 * name owned by another user, or a symbolic link, is refused: whoever owns the directory could swap the files
 * in it, and the bootstrap jar is code the JVM trusts. Each process deletes its files at exit; those of a
 * process that could not (halted, killed) are deleted by the next agent or {@code list} ({@link #sweep}). On
 * a file system without POSIX permissions the files are made as the platform makes them. Stateless and
 * thread-safe.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern BY_PID = Pattern.compile("(\\d{1,18})\\..+");
    private static final String BOOTSTRAP_JAR = "inst/gil4j-bootstrap.jar";

    private PrivateFiles() {}

    /** The user's directory, whether it exists or not. */
    public static Path userDirectory() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "gil4j-" + System.getProperty("user.name"));
    }

    /** The file {@code <pid>.<suffix>} in the user's directory (not created). */
    public static Path ofProcess(long pid, String suffix) {
        return userDirectory().resolve(pid + "." + suffix);
    }

    /**
     * Writes {@code content} to {@code file}, {@code rw-------}, replacing an older one, in its parent directory
     * made or checked as {@link #directory} does; the file is deleted at exit. A JVM that is already exiting
     * writes nothing, and one that starts exiting while it writes deletes the file again: the hooks that
     * delete files may have run already.
     *
     * @throws Exiting if the JVM is exiting
     * @throws IOException if the directory is another user's or a link, or the file cannot be written
     */
    public static Path write(Path file, byte[] content) throws IOException {
        directory(file.getParent());
        try {
            file.toFile().deleteOnExit();
        } catch (IllegalStateException exiting) {
            throw new Exiting(file + " not written");
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
        if (exiting()) {
            Files.deleteIfExists(file);
            throw new Exiting(file + " deleted again");
        }
        return file;
    }

    /** The JVM started exiting before a file was written, or while: nothing to tell anyone. */
    public static final class Exiting extends IOException {
        private static final long serialVersionUID = 1L;

        Exiting(String what) {
            super("the JVM is exiting: " + what);
        }
    }

    private static boolean exiting() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * Makes {@code directory} {@code rwx------}, or checks that it is a directory of this user's (not a link)
     * and takes away any permission of others.
     *
     * @throws IOException if it is another user's, or not a directory
     */
    public static Path directory(Path directory) throws IOException {
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            return directory;
        } catch (FileAlreadyExistsException e) {
            // made by an earlier JVM of this user, or by someone else: checked below
        } catch (UnsupportedOperationException e) {
            return Files.createDirectories(directory);
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + " is not a directory (a link or a file): gil4j writes nothing there");
        }
        try {
            UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal self = directory
                    .getFileSystem()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(self)) {
                throw new IOException(directory + " belongs to " + owner.getName() + ", not to " + self.getName()
                        + ": gil4j writes nothing there");
            }
            if (!Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS)
                    .equals(DIRECTORY)) {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            }
        } catch (UnsupportedOperationException e) {
            // no owners or POSIX permissions here: as the platform makes it
        }
        return directory;
    }

    /**
     * Deletes, in the user's directory, the files of processes that no longer run: those named {@code
     * <pid>.…} whose process is gone. Never throws.
     *
     * @return how many files were deleted
     */
    public static int sweep() {
        return sweep(userDirectory());
    }

    static int sweep(Path directory) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher name = BY_PID.matcher(file.getFileName().toString());
                if (name.matches()
                        && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to sweep, or not now: the next agent tries again
        }
        return deleted;
    }

    /**
     * Writes the agent jar's bootstrap jar to {@code <pid>.bootstrap.jar} in the user's directory, to be
     * deleted at exit; called reflectively by the launcher, before the bootstrap classes are visible.
     */
    public static File bootstrapJar(File agentJar) throws IOException {
        byte[] content;
        try (JarFile jar = new JarFile(agentJar);
                InputStream in = jar.getInputStream(jar.getEntry(BOOTSTRAP_JAR))) {
            content = in.readAllBytes();
        }
        return write(ofProcess(ProcessHandle.current().pid(), "bootstrap.jar"), content)
                .toFile();
    }
}
