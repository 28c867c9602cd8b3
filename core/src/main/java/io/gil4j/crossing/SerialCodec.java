package io.gil4j.crossing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.Map;

/**
 * Java serialization behind the {@link AllowList}, in both directions: writing checks every class as its
 * descriptor is written, so a value that would be refused fails in the sender with the type named; reading
 * puts a {@link StreamFilter} on the stream before the first object and resolves classes with a given class
 * loader without initialising them. Every failure becomes a {@link NotShareableException}. Thread-safe.
 */
public final class SerialCodec {

    /** Writes one value's parts. */
    public interface Writer {
        /** Writes the parts to {@code out}. */
        void write(ObjectOutputStream out) throws IOException;
    }

    /** Reads one value's parts, in the order the {@link Writer} wrote them. */
    public interface Reader<T> {
        /** The value read from {@code in}. */
        T read(ObjectInputStream in) throws IOException, ClassNotFoundException;
    }

    /** The primitive types by name, which no class loader resolves. */
    public static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "boolean",
            boolean.class,
            "byte",
            byte.class,
            "char",
            char.class,
            "short",
            short.class,
            "int",
            int.class,
            "long",
            long.class,
            "float",
            float.class,
            "double",
            double.class,
            "void",
            void.class);

    private final AllowList allowList;
    private final SerialLimits limits;

    /** A codec that lets the classes {@code allowList} allows cross, within {@code limits}. */
    public SerialCodec(AllowList allowList, SerialLimits limits) {
        this.allowList = allowList;
        this.limits = limits;
    }

    /** The classes that may cross. */
    public AllowList allowList() {
        return allowList;
    }

    /** The bounds on what is read and written. */
    public SerialLimits limits() {
        return limits;
    }

    /**
     * The bytes {@code body} writes.
     *
     * @param what where the value goes, for messages ("to the worker for com.acme.Foo.bar(int)")
     * @throws NotShareableException if a class written is not serializable or not allowed, or the bytes
     *     exceed {@link SerialLimits#maxBytes()}
     */
    public byte[] encode(String what, Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CheckingOutputStream out = new CheckingOutputStream(bytes, what)) {
            body.write(out);
        } catch (NotSerializableException e) {
            throw NotShareableException.notSerializable(e.getMessage(), what);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // only our own Writers write here
        }
        if (bytes.size() > limits.maxBytes()) {
            throw NotShareableException.overLimit(what, bytes.size() + " bytes, more than " + limits.maxBytes());
        }
        return bytes.toByteArray();
    }

    /**
     * What {@code body} reads from {@code bytes}, every class resolved with {@code loader} and filtered.
     *
     * @param what where the value comes from, for messages
     * @throws NotShareableException if the filter rejected a class or a limit, a class is missing, or the
     *     bytes are not a serialized value
     */
    public <T> T decode(byte[] bytes, ClassLoader loader, String what, Reader<T> body) {
        StreamFilter filter = new StreamFilter(allowList, limits, what);
        try (FilteredInputStream in = new FilteredInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(filter);
            return body.read(in);
        } catch (ClassNotFoundException e) {
            throw NotShareableException.notFound(e.getMessage(), what, e);
        } catch (IOException e) {
            if (filter.rejection() != null) {
                throw filter.rejection();
            }
            throw NotShareableException.unreadable(what, e);
        }
    }

    private final class CheckingOutputStream extends ObjectOutputStream {

        private final String what;

        CheckingOutputStream(OutputStream out, String what) throws IOException {
            super(out);
            this.what = what;
        }

        /** Called once for each class whose descriptor is written, superclasses and array classes included. */
        @Override
        protected void annotateClass(Class<?> type) {
            if (!allowList.allows(type)) {
                throw NotShareableException.notAllowed(
                        AllowList.elementType(type).getName(), what);
            }
        }
    }

    private static final class FilteredInputStream extends ObjectInputStream {

        private final ClassLoader loader;

        FilteredInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        /**
         * Loads without initialising, so the filter sees the class before any of its code can run; only with
         * the given loader, never with whichever loader is on the stack, as the default does.
         */
        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                Class<?> primitive = PRIMITIVES.get(desc.getName());
                if (primitive == null) {
                    throw e;
                }
                return primitive;
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
            throw new InvalidClassException("dynamic proxies never cross to or from a worker process");
        }
    }
}
