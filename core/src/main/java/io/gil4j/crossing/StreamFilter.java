package io.gil4j.crossing;

import java.io.ObjectInputFilter;

/**
 * The {@link ObjectInputFilter} on every stream read from the other side: an {@link AllowList} and {@link
 * SerialLimits}. The stream calls it for each class as it is resolved (loaded, not initialised) and before
 * any instance of it is created, and for each array, reference and nesting level. One instance per stream:
 * it remembers why it rejected, since the stream's own exception does not say.
 */
final class StreamFilter implements ObjectInputFilter {

    private final AllowList allowList;
    private final SerialLimits limits;
    private final String what;
    private NotShareableException rejection;

    StreamFilter(AllowList allowList, SerialLimits limits, String what) {
        this.allowList = allowList;
        this.limits = limits;
        this.what = what;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > limits.maxDepth()) {
            return reject(NotShareableException.overLimit(what, "nesting deeper than " + limits.maxDepth()));
        }
        if (info.references() > limits.maxReferences()) {
            return reject(NotShareableException.overLimit(what, "more than " + limits.maxReferences() + " references"));
        }
        if (info.streamBytes() > limits.maxBytes()) {
            return reject(NotShareableException.overLimit(what, "more than " + limits.maxBytes() + " bytes"));
        }
        if (info.arrayLength() > limits.maxArrayLength()) {
            return reject(NotShareableException.overLimit(what, "an array longer than " + limits.maxArrayLength()));
        }
        Class<?> type = info.serialClass();
        if (type != null && !allowList.allows(type)) {
            return reject(
                    NotShareableException.notAllowed(AllowList.elementType(type).getName(), what));
        }
        return Status.ALLOWED;
    }

    /** Why the stream was rejected, or {@code null} if this filter did not reject it. */
    NotShareableException rejection() {
        return rejection;
    }

    private Status reject(NotShareableException why) {
        if (rejection == null) {
            rejection = why;
        }
        return Status.REJECTED;
    }
}
