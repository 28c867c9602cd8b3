package io.gil4j.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BlockingTest {

    /** A stream of the application's own: its code is instrumented or runs under its caller's hold. */
    static final class CountingStream extends OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }
    }

    @Test
    void in_memory_streams_and_streams_that_are_not_the_jdks_keep_the_lock() {
        assertTrue(Blocking.keepsLock(new ByteArrayInputStream(new byte[0])));
        assertTrue(Blocking.keepsLock(new ByteArrayOutputStream()));
        assertTrue(Blocking.keepsLock(new StringReader("")));
        assertTrue(Blocking.keepsLock(new StringWriter()));
        assertTrue(Blocking.keepsLock(new CountingStream()));
    }

    @Test
    void the_jdks_own_streams_that_can_block_release_the_lock() {
        assertFalse(Blocking.keepsLock(new FileInputStream(FileDescriptor.in)));
        assertFalse(Blocking.keepsLock(new BufferedInputStream(new ByteArrayInputStream(new byte[0]))));
        assertFalse(Blocking.keepsLock(new FilterOutputStream(new ByteArrayOutputStream())));
    }
}
