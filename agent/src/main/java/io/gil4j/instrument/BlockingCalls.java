package io.gil4j.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocking calls whose call sites instrumented code has rewritten to stand-ins that release the lock.
 * What is covered and what is not is listed in {@code docs/gil.md}; a unit test checks that every entry
 * has its stand-in.
 */
final class BlockingCalls {

    private static final String OBJECT = "java/lang/Object";

    private final Map<String, List<BlockingCall>> byNameAndDescriptor = new HashMap<>();
    private final List<BlockingCall> all = new ArrayList<>();

    private BlockingCalls() {}

    /** The table shipped with the agent. */
    static BlockingCalls standard() {
        BlockingCalls t = new BlockingCalls();
        t.statics("java/lang/Thread", "sleep", "(J)V", "(JI)V");
        t.statics("java/util/concurrent/locks/LockSupport", "park", "()V", "(Ljava/lang/Object;)V");
        t.statics("java/util/concurrent/locks/LockSupport", "parkNanos", "(J)V", "(Ljava/lang/Object;J)V");
        t.statics("java/util/concurrent/locks/LockSupport", "parkUntil", "(J)V", "(Ljava/lang/Object;J)V");
        t.instance(OBJECT, "wait", "waitOn", "()V", "(J)V", "(JI)V");
        t.instance("java/lang/Thread", "join", "join", "()V", "(J)V");
        t.instance("java/util/concurrent/Future", "get", "get",
                "()Ljava/lang/Object;", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;");
        t.instance("java/util/concurrent/CompletableFuture", "join", "join", "()Ljava/lang/Object;");
        t.instance("java/util/concurrent/BlockingQueue", "take", "take", "()Ljava/lang/Object;");
        t.instance("java/util/concurrent/BlockingQueue", "put", "put", "(Ljava/lang/Object;)V");
        t.instance("java/util/concurrent/BlockingQueue", "poll", "poll",
                "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;");
        t.instance("java/util/concurrent/BlockingQueue", "offer", "offer",
                "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z");
        t.instance("java/util/concurrent/locks/Lock", "lock", "lock", "()V");
        t.instance("java/util/concurrent/locks/Lock", "lockInterruptibly", "lockInterruptibly", "()V");
        t.instance("java/util/concurrent/locks/Lock", "tryLock", "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z");
        t.instance("java/util/concurrent/locks/Condition", "await", "await",
                "()V", "(JLjava/util/concurrent/TimeUnit;)Z");
        t.instance("java/util/concurrent/locks/Condition", "awaitNanos", "awaitNanos", "(J)J");
        t.instance("java/util/concurrent/locks/Condition", "awaitUninterruptibly", "awaitUninterruptibly", "()V");
        t.instance("java/util/concurrent/CountDownLatch", "await", "await",
                "()V", "(JLjava/util/concurrent/TimeUnit;)Z");
        t.instance("java/util/concurrent/CyclicBarrier", "await", "await", "()I");
        t.instance("java/util/concurrent/Semaphore", "acquire", "acquire", "()V", "(I)V");
        t.instance("java/util/concurrent/ExecutorService", "awaitTermination", "awaitTermination",
                "(JLjava/util/concurrent/TimeUnit;)Z");
        t.instance("java/util/concurrent/ExecutorService", "invokeAll", "invokeAll",
                "(Ljava/util/Collection;)Ljava/util/List;");
        t.instance("java/lang/Process", "waitFor", "waitFor", "()I");
        t.instance("java/io/InputStream", "read", "read", "()I", "([B)I", "([BII)I");
        t.instance("java/io/InputStream", "readAllBytes", "readAllBytes", "()[B");
        t.instance("java/io/InputStream", "readNBytes", "readNBytes", "(I)[B", "([BII)I");
        t.instance("java/io/OutputStream", "write", "write", "(I)V", "([B)V", "([BII)V");
        t.instance("java/io/OutputStream", "flush", "flush", "()V");
        t.instance("java/io/Reader", "read", "read", "()I", "([C)I", "([CII)I");
        t.instance("java/io/BufferedReader", "readLine", "readLine", "()Ljava/lang/String;");
        t.instance("java/io/Writer", "flush", "flush", "()V");
        t.instance("java/net/ServerSocket", "accept", "accept", "()Ljava/net/Socket;");
        t.instance("java/net/Socket", "connect", "connect",
                "(Ljava/net/SocketAddress;)V", "(Ljava/net/SocketAddress;I)V");
        t.instance("java/net/DatagramSocket", "receive", "receive", "(Ljava/net/DatagramPacket;)V");
        t.instance("java/nio/channels/ReadableByteChannel", "read", "read", "(Ljava/nio/ByteBuffer;)I");
        t.instance("java/nio/channels/WritableByteChannel", "write", "write", "(Ljava/nio/ByteBuffer;)I");
        t.instance("java/nio/channels/ServerSocketChannel", "accept", "accept", "()Ljava/nio/channels/SocketChannel;");
        t.instance("java/nio/channels/Selector", "select", "select", "()I", "(J)I");
        return t;
    }

    private void statics(String owner, String name, String... descriptors) {
        for (String descriptor : descriptors) {
            add(new BlockingCall(owner, name, descriptor, true, name));
        }
    }

    private void instance(String owner, String name, String standIn, String... descriptors) {
        for (String descriptor : descriptors) {
            add(new BlockingCall(owner, name, descriptor, false, standIn));
        }
    }

    private void add(BlockingCall call) {
        all.add(call);
        byNameAndDescriptor.computeIfAbsent(call.name() + call.descriptor(), k -> new ArrayList<>()).add(call);
    }

    /** The entries a call named {@code name} with {@code descriptor} might be, whatever its owner. */
    List<BlockingCall> candidates(String name, String descriptor) {
        return byNameAndDescriptor.getOrDefault(name + descriptor, List.of());
    }

    /** Every entry. */
    List<BlockingCall> all() {
        return Collections.unmodifiableList(all);
    }

    /** True if {@code owner} is {@code java/lang/Object}: every class has Object's final wait methods. */
    static boolean isObject(String owner) {
        return OBJECT.equals(owner);
    }
}
