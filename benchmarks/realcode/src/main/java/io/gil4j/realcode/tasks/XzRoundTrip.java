package io.gil4j.realcode.tasks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Compression with XZ for Java (pure-Java LZMA2): generated text compressed into an in-memory {@code .xz}
 * stream at preset {@value #PRESET} and decompressed again.
 */
public final class XzRoundTrip {

    private static final int PRESET = 2;
    private static final int WORDS = 64_000;

    private XzRoundTrip() {}

    /**
     * Compresses and decompresses the text generated from {@code seed}.
     *
     * @return the compressed length and the CRC-32 of the compressed stream, folded together
     * @throws IllegalStateException if decompression does not give back the text
     */
    public static long run(int seed) {
        byte[] text = Words.sentence(new Random(seed), WORDS).getBytes(StandardCharsets.UTF_8);
        try {
            ByteArrayOutputStream packed = new ByteArrayOutputStream(text.length / 3);
            try (XZOutputStream out = new XZOutputStream(packed, new LZMA2Options(PRESET))) {
                out.write(text);
            }
            byte[] compressed = packed.toByteArray();
            byte[] unpacked;
            try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(compressed))) {
                unpacked = in.readAllBytes();
            }
            if (!Arrays.equals(unpacked, text)) {
                throw new IllegalStateException("XZ did not give back the text");
            }
            CRC32 crc = new CRC32();
            crc.update(compressed);
            return (long) compressed.length << 32 | crc.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
