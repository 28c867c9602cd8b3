package io.gil4j.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayReader;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Stand-ins for blocking JDK calls, substituted at their call sites in instrumented code: each releases
 * the interpreter lock for the duration of the call and contends for it afterwards, as CPython's
 * {@code Py_BEGIN_ALLOW_THREADS} does. The call itself, its result and its exceptions are exactly the
 * original's; a stand-in only adds one frame to a stack trace.
 *
 * <p>A virtual stand-in takes the call's receiver first and dispatches virtually, so a subtype's override
 * runs as before. Where the static type cannot tell whether a call blocks (an {@code InputStream} may be a
 * socket's or an in-memory one) the stand-in decides at run time: in-memory streams and streams that are
 * not the JDK's keep the lock ({@link #keepsLock}).
 *
 * <p>Only calls that block where no choke point of the agent releases have stand-ins: sleeps, joins, waits,
 * processes and stream I/O (files and pipes). Every {@code java.util.concurrent} lock, queue, latch and future
 * blocks in {@code LockSupport.park}, every socket in {@code NioSocketImpl}, every NIO channel in blocking mode
 * in {@code SelChImpl.park} and every selector in {@code select}, which release the lock themselves while a
 * lock mode is in force (the agent's choke points), whoever calls them.
 *
 * <p>The instrumentation's substitution table names these methods by name and descriptor; a test checks
 * that every entry of the table exists here.
 */
public final class Blocking {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private Blocking() {}

    /** A blocking call that returns a value. */
    @FunctionalInterface
    interface Call<T, X extends Throwable> {
        T call() throws X;
    }

    /** A blocking call that returns nothing. */
    @FunctionalInterface
    interface Run<X extends Throwable> {
        void run() throws X;
    }

    private static <T, X extends Throwable> T released(Call<T, X> call) throws X {
        boolean released = Hooks.beforeBlocking();
        try {
            return call.call();
        } finally {
            Hooks.afterBlocking(released);
        }
    }

    private static <X extends Throwable> void released(Run<X> run) throws X {
        released(run, false);
    }

    /**
     * Runs {@code run} with the lock released; {@code holdsMonitor}: it is {@code Object.wait}, which returns
     * holding its monitor, so the lock is taken back by a waiter that knows it ({@link Hooks#afterWaiting}).
     */
    private static <X extends Throwable> void released(Run<X> run, boolean holdsMonitor) throws X {
        boolean released = Hooks.beforeBlocking();
        try {
            run.run();
        } finally {
            if (holdsMonitor) {
                Hooks.afterWaiting(released);
            } else {
                Hooks.afterBlocking(released);
            }
        }
    }

    // ---- threads, monitors and processes

    /**
     * {@link Thread#sleep(long)} with the interpreter lock released around it.
     *
     * @param millis the time to sleep, in milliseconds
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    public static void sleep(long millis) throws InterruptedException {
        released(() -> Thread.sleep(millis));
    }

    /**
     * {@link Thread#sleep(long, int)} with the interpreter lock released around it.
     *
     * @param millis the time to sleep, in milliseconds
     * @param nanos the additional nanoseconds
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    public static void sleep(long millis, int nanos) throws InterruptedException {
        released(() -> Thread.sleep(millis, nanos));
    }

    /**
     * {@link Thread#join()} on {@code thread}, with the interpreter lock released around it.
     *
     * @param thread the thread to wait for
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    public static void join(Thread thread) throws InterruptedException {
        released(() -> thread.join());
    }

    /**
     * {@link Thread#join(long)} on {@code thread}, with the interpreter lock released around it.
     *
     * @param thread the thread to wait for
     * @param millis the longest wait, in milliseconds; 0 waits for ever
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    public static void join(Thread thread, long millis) throws InterruptedException {
        released(() -> thread.join(millis));
    }

    /**
     * {@link Object#wait()} on {@code monitor}, with the interpreter lock released around it; the caller holds the
     * monitor again when the lock is taken back ({@link Hooks#afterWaiting}).
     *
     * @param monitor the object to wait on, whose monitor the caller holds
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    @SuppressWarnings("WaitNotInLoop") // stands in for the application's own wait(), inside its own loop
    public static void waitOn(Object monitor) throws InterruptedException {
        released(() -> monitor.wait(), true);
    }

    /**
     * {@link Object#wait(long)} on {@code monitor}, with the interpreter lock released around it; the caller holds the
     * monitor again when the lock is taken back ({@link Hooks#afterWaiting}).
     *
     * @param monitor the object to wait on, whose monitor the caller holds
     * @param millis the longest wait, in milliseconds; 0 waits for ever
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    @SuppressWarnings("WaitNotInLoop") // stands in for the application's own wait(), inside its own loop
    public static void waitOn(Object monitor, long millis) throws InterruptedException {
        released(() -> monitor.wait(millis), true);
    }

    /**
     * {@link Object#wait(long, int)} on {@code monitor}, with the interpreter lock released around it; the caller holds
     * the monitor again when the lock is taken back ({@link Hooks#afterWaiting}).
     *
     * @param monitor the object to wait on, whose monitor the caller holds
     * @param millis the longest wait, in milliseconds
     * @param nanos the additional nanoseconds
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    @SuppressWarnings("WaitNotInLoop") // stands in for the application's own wait(), inside its own loop
    public static void waitOn(Object monitor, long millis, int nanos) throws InterruptedException {
        released(() -> monitor.wait(millis, nanos), true);
    }

    /**
     * {@link Process#waitFor()} on {@code process}, with the interpreter lock released around it.
     *
     * @param process the process to wait for
     * @return the process's exit value
     * @throws InterruptedException if the calling thread is interrupted, as the original throws it
     */
    public static int waitFor(Process process) throws InterruptedException {
        return released(() -> process.waitFor());
    }

    // ---- streams, readers and writers: in-memory ones keep the lock

    /**
     * {@link InputStream#read()} on {@code in}, with the interpreter lock released around it unless {@code in} keeps
     * the lock ({@link #keepsLock}).
     *
     * @param in the stream to read
     * @return the byte read, or -1 at the end of the stream
     * @throws IOException as the original throws it
     */
    public static int read(InputStream in) throws IOException {
        return keepsLock(in) ? in.read() : released(() -> in.read());
    }

    /**
     * {@link InputStream#read(byte[])} on {@code in}, with the interpreter lock released around it unless {@code in}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param in the stream to read
     * @param b the buffer to read into
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws IOException as the original throws it
     */
    public static int read(InputStream in, byte[] b) throws IOException {
        return keepsLock(in) ? in.read(b) : released(() -> in.read(b));
    }

    /**
     * {@link InputStream#read(byte[], int, int)} on {@code in}, with the interpreter lock released around it unless
     * {@code in} keeps the lock ({@link #keepsLock}).
     *
     * @param in the stream to read
     * @param b the buffer to read into
     * @param off where in {@code b} to start
     * @param len the most bytes to read
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws IOException as the original throws it
     */
    public static int read(InputStream in, byte[] b, int off, int len) throws IOException {
        return keepsLock(in) ? in.read(b, off, len) : released(() -> in.read(b, off, len));
    }

    /**
     * {@link InputStream#readAllBytes()} on {@code in}, with the interpreter lock released around it unless {@code in}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param in the stream to read
     * @return the bytes read
     * @throws IOException as the original throws it
     */
    public static byte[] readAllBytes(InputStream in) throws IOException {
        return keepsLock(in) ? in.readAllBytes() : released(() -> in.readAllBytes());
    }

    /**
     * {@link InputStream#readNBytes(int)} on {@code in}, with the interpreter lock released around it unless {@code in}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param in the stream to read
     * @param len the most bytes to read
     * @return the bytes read
     * @throws IOException as the original throws it
     */
    public static byte[] readNBytes(InputStream in, int len) throws IOException {
        return keepsLock(in) ? in.readNBytes(len) : released(() -> in.readNBytes(len));
    }

    /**
     * {@link InputStream#readNBytes(byte[], int, int)} on {@code in}, with the interpreter lock released around it
     * unless {@code in} keeps the lock ({@link #keepsLock}).
     *
     * @param in the stream to read
     * @param b the buffer to read into
     * @param off where in {@code b} to start
     * @param len the most bytes to read
     * @return the number of bytes read
     * @throws IOException as the original throws it
     */
    public static int readNBytes(InputStream in, byte[] b, int off, int len) throws IOException {
        return keepsLock(in) ? in.readNBytes(b, off, len) : released(() -> in.readNBytes(b, off, len));
    }

    /**
     * {@link OutputStream#write(int)} on {@code out}, with the interpreter lock released around it unless {@code out}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param out the stream to write
     * @param b the byte to write, in its low eight bits
     * @throws IOException as the original throws it
     */
    public static void write(OutputStream out, int b) throws IOException {
        if (keepsLock(out)) {
            out.write(b);
        } else {
            released(() -> out.write(b));
        }
    }

    /**
     * {@link OutputStream#write(byte[])} on {@code out}, with the interpreter lock released around it unless
     * {@code out} keeps the lock ({@link #keepsLock}).
     *
     * @param out the stream to write
     * @param b the bytes to write
     * @throws IOException as the original throws it
     */
    public static void write(OutputStream out, byte[] b) throws IOException {
        if (keepsLock(out)) {
            out.write(b);
        } else {
            released(() -> out.write(b));
        }
    }

    /**
     * {@link OutputStream#write(byte[], int, int)} on {@code out}, with the interpreter lock released around it unless
     * {@code out} keeps the lock ({@link #keepsLock}).
     *
     * @param out the stream to write
     * @param b the bytes to write
     * @param off where in {@code b} to start
     * @param len how many bytes to write
     * @throws IOException as the original throws it
     */
    public static void write(OutputStream out, byte[] b, int off, int len) throws IOException {
        if (keepsLock(out)) {
            out.write(b, off, len);
        } else {
            released(() -> out.write(b, off, len));
        }
    }

    /**
     * {@link OutputStream#flush()} on {@code out}, with the interpreter lock released around it unless {@code out}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param out the stream to flush
     * @throws IOException as the original throws it
     */
    public static void flush(OutputStream out) throws IOException {
        if (keepsLock(out)) {
            out.flush();
        } else {
            released(() -> out.flush());
        }
    }

    /**
     * {@link Reader#read()} on {@code reader}, with the interpreter lock released around it unless {@code reader} keeps
     * the lock ({@link #keepsLock}).
     *
     * @param reader the reader to read
     * @return the character read, or -1 at the end of the stream
     * @throws IOException as the original throws it
     */
    public static int read(Reader reader) throws IOException {
        return keepsLock(reader) ? reader.read() : released(() -> reader.read());
    }

    /**
     * {@link Reader#read(char[])} on {@code reader}, with the interpreter lock released around it unless {@code reader}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param reader the reader to read
     * @param buf the buffer to read into
     * @return the number of characters read, or -1 at the end of the stream
     * @throws IOException as the original throws it
     */
    public static int read(Reader reader, char[] buf) throws IOException {
        return keepsLock(reader) ? reader.read(buf) : released(() -> reader.read(buf));
    }

    /**
     * {@link Reader#read(char[], int, int)} on {@code reader}, with the interpreter lock released around it unless
     * {@code reader} keeps the lock ({@link #keepsLock}).
     *
     * @param reader the reader to read
     * @param buf the buffer to read into
     * @param off where in {@code buf} to start
     * @param len the most characters to read
     * @return the number of characters read, or -1 at the end of the stream
     * @throws IOException as the original throws it
     */
    public static int read(Reader reader, char[] buf, int off, int len) throws IOException {
        return keepsLock(reader) ? reader.read(buf, off, len) : released(() -> reader.read(buf, off, len));
    }

    /**
     * {@link java.io.BufferedReader#readLine()} on {@code reader}, always with the interpreter lock released around it.
     *
     * @param reader the reader to read
     * @return the line read, without its terminator, or null at the end of the stream
     * @throws IOException as the original throws it
     */
    public static String readLine(java.io.BufferedReader reader) throws IOException {
        return released(() -> reader.readLine());
    }

    /**
     * {@link Writer#flush()} on {@code writer}, with the interpreter lock released around it unless {@code writer}
     * keeps the lock ({@link #keepsLock}).
     *
     * @param writer the writer to flush
     * @throws IOException as the original throws it
     */
    public static void flush(Writer writer) throws IOException {
        if (keepsLock(writer)) {
            writer.flush();
        } else {
            released(() -> writer.flush());
        }
    }

    /**
     * Whether a call on this stream keeps the lock. The JDK's in-memory streams never block. A stream class
     * of the application or of a library is code of its own: selected, it is instrumented and releases the
     * lock where it reaches a blocking JDK call; not selected, it runs under its caller's hold, as a C
     * extension does, until it parks ({@code ChokePoints}). Only the JDK's own streams, which block in
     * native code, are released around here. (Jackson writes through its own {@code ByteArrayBuilder}: a
     * release and a re-take around each of its writes made a JSON round trip under {@code gil} 1.4–1.6×
     * slower than without the agent.)
     */
    static boolean keepsLock(Object stream) {
        if (stream instanceof ByteArrayInputStream
                || stream instanceof ByteArrayOutputStream
                || stream instanceof StringReader
                || stream instanceof CharArrayReader
                || stream instanceof StringWriter
                || stream instanceof CharArrayWriter) {
            return true;
        }
        ClassLoader loader = stream.getClass().getClassLoader();
        return loader != null && loader != PLATFORM;
    }
}
