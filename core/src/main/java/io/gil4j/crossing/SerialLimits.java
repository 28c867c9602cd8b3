package io.gil4j.crossing;

/**
 * Bounds on one serialized value read from the other side of the channel, enforced by the stream filter
 * while reading (and, for {@code maxBytes}, by the writer before sending), so a hostile or runaway payload
 * fails instead of exhausting memory.
 *
 * @param maxDepth deepest nesting of objects
 * @param maxReferences most object references in one value
 * @param maxArrayLength longest array
 * @param maxBytes most bytes of one serialized value; at least 1 MiB, so an exception's description fits
 */
public record SerialLimits(int maxDepth, long maxReferences, int maxArrayLength, long maxBytes) {

    /** Depth 100, a million references, arrays of ten million, 64 MiB. */
    public static final SerialLimits DEFAULTS = new SerialLimits(100, 1_000_000, 10_000_000, 64L << 20);

    /** @throws IllegalArgumentException if a bound is not positive, or {@code maxBytes} is under 1 MiB */
    public SerialLimits {
        if (maxDepth <= 0 || maxReferences <= 0 || maxArrayLength <= 0 || maxBytes < (1L << 20)) {
            throw new IllegalArgumentException("bounds must be positive and maxBytes at least 1 MiB: depth " + maxDepth
                    + ", references " + maxReferences + ", array length " + maxArrayLength + ", bytes " + maxBytes);
        }
    }

    /** The limits as one string, for a worker's environment; {@link #parse} reverses it. */
    public String encode() {
        return maxDepth + "," + maxReferences + "," + maxArrayLength + "," + maxBytes;
    }

    /** The limits {@link #encode} wrote. */
    public static SerialLimits parse(String encoded) {
        String[] parts = encoded.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not four limits: \"" + encoded + "\"");
        }
        return new SerialLimits(
                Integer.parseInt(parts[0]),
                Long.parseLong(parts[1]),
                Integer.parseInt(parts[2]),
                Long.parseLong(parts[3]));
    }
}
