package io.gil4j.crossing;

/**
 * A value that cannot cross between the caller and a worker process, or an interpreter with class loaders
 * of its own (see {@link Snapshot}) — the counterpart of Python's {@code NotShareableError}. Thrown in the
 * caller, before anything is sent when the caller's side can tell, otherwise when the worker or the caller
 * refuses what it received.
 *
 * <p>Two reasons, each with its remedy in the message: the type does not implement {@link
 * java.io.Serializable}, or it is not on the allow-list (see {@link AllowList}); or the value exceeds one of
 * the {@link SerialLimits}, in which case {@link #offendingType()} is {@code null}.
 */
public final class NotShareableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String offendingType;

    private NotShareableException(String offendingType, String message, Throwable cause) {
        super(message, cause);
        this.offendingType = offendingType;
    }

    static NotShareableException notAllowed(String type, String what) {
        int dot = type.lastIndexOf('.');
        String packageGlob = dot < 0 ? type : type.substring(0, dot) + ".**";
        return new NotShareableException(
                type,
                "cannot pass " + type + " " + what
                        + ": the type is not on the allow-list of classes that may cross to or from a worker process;"
                        + " allow it with the class-name glob \"" + type + "\" or \"" + packageGlob + "\"",
                null);
    }

    static NotShareableException notSerializable(String type, String what) {
        return new NotShareableException(
                type,
                "cannot pass " + type + " " + what
                        + ": the type does not implement java.io.Serializable; make it Serializable (and, for a worker"
                        + " process, allow it), or pass a value of a type that is",
                null);
    }

    static NotShareableException notFound(String type, String what, Throwable cause) {
        return new NotShareableException(
                type,
                "cannot pass " + type + " " + what
                        + ": the type is not visible to the class loader on the receiving side",
                cause);
    }

    static NotShareableException overLimit(String what, String limit) {
        return new NotShareableException(
                null,
                "cannot pass the value " + what + ": " + limit + "; raise the limit (SerialLimits) or pass less",
                null);
    }

    static NotShareableException unreadable(String what, Throwable cause) {
        return new NotShareableException(null, "cannot read the value " + what + ": " + cause, cause);
    }

    /** The binary name of the type that could not cross, or {@code null} where a size limit was the reason. */
    public String offendingType() {
        return offendingType;
    }
}
