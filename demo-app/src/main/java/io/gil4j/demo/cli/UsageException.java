package io.gil4j.demo.cli;

/**
 * A command line the demo cannot run. The message is one line for the user: what was wrong and what is
 * accepted. The process exits with {@link #EXIT_CODE}.
 */
public final class UsageException extends Exception {

    /** The exit code for a bad command line, as in most Unix tools. */
    public static final int EXIT_CODE = 2;

    /** A usage error with its one-line message. */
    public UsageException(String message) {
        super(message);
    }
}
