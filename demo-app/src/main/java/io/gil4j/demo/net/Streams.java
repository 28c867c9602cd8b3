package io.gil4j.demo.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reading whole messages with plain {@link InputStream#read(byte[], int, int)} calls. */
final class Streams {

    private Streams() {}

    /**
     * Fills {@code buffer} from {@code in}.
     *
     * @return false if the stream ended before the first byte (the peer closed between messages)
     * @throws EOFException if the stream ended inside a message
     */
    static boolean readMessage(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                if (filled == 0) {
                    return false;
                }
                throw new EOFException("stream ended after " + filled + " of " + buffer.length + " bytes");
            }
            filled += n;
        }
        return true;
    }
}
