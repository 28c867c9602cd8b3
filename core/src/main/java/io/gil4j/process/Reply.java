package io.gil4j.process;

import io.gil4j.crossing.NotShareableException;
import io.gil4j.crossing.SerialCodec;
import io.gil4j.crossing.SerialLimits;
import io.gil4j.offload.WorkerStackTrace;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The worker's answer to one {@link Call}, encoded by the worker and turned back into a return value or a
 * throw by the caller.
 *
 * <p>A {@link Frame#VALUE} holds the serialized value. A {@link Frame#THROWN} holds two parts: a description
 * that can always be read (type name, message, stack, and why the exception itself was not sent, if it was
 * not) and then, if it could be serialized, the exception itself. The caller throws the exception itself if
 * it can read it, otherwise a {@link WorkerThrewException} built from the description; either way through
 * {@link WorkerStackTrace#attach}.
 */
final class Reply {

    /** Bounds the description, so that it always fits within {@link SerialLimits#maxBytes()}. */
    private static final int MAX_MESSAGE_CHARS = 16 * 1024;

    private static final int MAX_STACK_FRAMES = 1024;

    private Reply() {}

    /** A {@link Frame#VALUE} of {@code value}, or a {@link Frame#THROWN} of why it cannot be sent. */
    static Frame value(long id, Object value, SerialCodec codec, String what) {
        byte[] payload;
        try {
            payload = codec.encode("back from the worker as the result of " + what, out -> out.writeObject(value));
        } catch (NotShareableException e) {
            return thrown(id, e, codec);
        }
        return new Frame(id, Frame.VALUE, payload);
    }

    /** A {@link Frame#THROWN} of {@code thrown}; never fails. */
    static Frame thrown(long id, Throwable thrown, SerialCodec codec) {
        byte[] itself = new byte[0];
        String whyNotSent = null;
        try {
            itself = codec.encode("back from the worker as an exception", out -> out.writeObject(thrown));
        } catch (NotShareableException e) {
            whyNotSent = e.getMessage();
        }
        String message = thrown.getMessage();
        String bounded = message == null || message.length() <= MAX_MESSAGE_CHARS
                ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "...";
        StackTraceElement[] stack = thrown.getStackTrace();
        StackTraceElement[] boundedStack = Arrays.copyOf(stack, Math.min(stack.length, MAX_STACK_FRAMES));
        String why = whyNotSent;
        byte[] description = codec.encode("describing an exception", out -> {
            out.writeUTF(thrown.getClass().getName());
            out.writeObject(bounded);
            out.writeObject(boundedStack);
            out.writeObject(why);
        });
        ByteBuffer payload = ByteBuffer.allocate(Integer.BYTES + description.length + itself.length);
        payload.putInt(description.length).put(description).put(itself);
        return new Frame(id, Frame.THROWN, payload.array());
    }

    /**
     * Returns the value {@code reply} carries, or throws what it describes with the caller's stack.
     *
     * @param worker the worker's name, for messages ("worker pid 1234")
     * @throws NotShareableException if the value cannot be read on this side
     */
    static Object unwrap(Frame reply, Call call, SerialCodec codec, String worker, StackTraceElement[] callerStack)
            throws Throwable {
        if (reply.kind() == Frame.VALUE) {
            return codec.decode(
                    reply.payload(),
                    call.loader(),
                    "from " + worker + " as the result of " + call,
                    ObjectInputStream::readObject);
        }
        ByteBuffer payload = ByteBuffer.wrap(reply.payload());
        byte[] description = new byte[payload.getInt()];
        payload.get(description);
        byte[] itself = new byte[payload.remaining()];
        payload.get(itself);
        String from = "from " + worker + " as an exception of " + call;
        Described described = codec.decode(
                description,
                call.loader(),
                from,
                in -> new Described(
                        in.readUTF(), (String) in.readObject(), (StackTraceElement[]) in.readObject(), (String)
                                in.readObject()));
        Throwable failure = null;
        String whyNotSent = described.whyNotSent();
        if (whyNotSent == null) {
            try {
                failure = codec.decode(itself, call.loader(), from, in -> (Throwable) in.readObject());
            } catch (NotShareableException e) {
                whyNotSent = e.getMessage();
            }
        }
        if (failure == null) {
            failure = new WorkerThrewException(described.type(), described.message(), worker, whyNotSent);
            failure.setStackTrace(described.stack());
        }
        throw WorkerStackTrace.attach(failure, worker, callerStack);
    }

    @SuppressWarnings("ArrayRecordComponent") // a description passed on once, never compared
    private record Described(String type, String message, StackTraceElement[] stack, String whyNotSent) {}
}
