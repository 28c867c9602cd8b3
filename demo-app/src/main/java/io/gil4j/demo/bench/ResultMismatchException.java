package io.gil4j.demo.bench;

/** A task returned something other than what the same task returned in the sequential row. */
public final class ResultMismatchException extends Exception {

    /** The mismatch described in one line. */
    public ResultMismatchException(String message) {
        super(message);
    }
}
