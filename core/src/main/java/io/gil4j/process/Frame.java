package io.gil4j.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * One message on a worker's connection: {@code int length} (of what follows), {@code long id}, {@code byte
 * kind}, payload. The parent sends {@link #CALL}s; the worker answers each with one {@link #VALUE} or {@link
 * #THROWN} of the same id. Before the first frame the worker sends its token ({@code writeUTF}).
 */
@SuppressWarnings("ArrayRecordComponent") // a message passed on once, never compared
record Frame(long id, byte kind, byte[] payload) {

    /** Parent to worker: a {@link Call}. */
    static final byte CALL = 1;
    /** Worker to parent: the call's return value. */
    static final byte VALUE = 2;
    /** Worker to parent: what the call threw, see {@link Reply}. */
    static final byte THROWN = 3;

    private static final int HEADER = Long.BYTES + 1;

    /**
     * Reads the next frame, or returns {@code null} if the connection ended.
     *
     * @throws IOException on a broken connection, or a frame longer than {@code maxPayload} or of an unknown
     *     kind (the connection is then unusable)
     */
    static Frame read(DataInputStream in, long maxPayload) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < HEADER || length - HEADER > maxPayload) {
            throw new IOException(
                    "frame of " + length + " bytes, outside [" + HEADER + ", " + (maxPayload + HEADER) + "]");
        }
        long id = in.readLong();
        byte kind = in.readByte();
        if (kind != CALL && kind != VALUE && kind != THROWN) {
            throw new IOException("frame of unknown kind " + kind);
        }
        byte[] payload = new byte[length - HEADER];
        in.readFully(payload);
        return new Frame(id, kind, payload);
    }

    /** Writes and flushes this frame; callers writing from several threads must hold {@code out}'s lock. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(HEADER + payload.length);
        out.writeLong(id);
        out.writeByte(kind);
        out.write(payload);
        out.flush();
    }
}
