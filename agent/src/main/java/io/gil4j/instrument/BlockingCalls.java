package io.gil4j.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocking calls whose call sites instrumented code has rewritten to stand-ins that release the lock:
 * those that block where no {@linkplain ChokePoints choke point} releases (parks, sockets, NIO channels and
 * selectors release there, whoever calls them).
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
        t.instance(OBJECT, "wait", "waitOn", "()V", "(J)V", "(JI)V");
        t.instance("java/lang/Thread", "join", "join", "()V", "(J)V");
        t.instance("java/lang/Process", "waitFor", "waitFor", "()I");
        t.instance("java/io/InputStream", "read", "read", "()I", "([B)I", "([BII)I");
        t.instance("java/io/InputStream", "readAllBytes", "readAllBytes", "()[B");
        t.instance("java/io/InputStream", "readNBytes", "readNBytes", "(I)[B", "([BII)I");
        t.instance("java/io/OutputStream", "write", "write", "(I)V", "([B)V", "([BII)V");
        t.instance("java/io/OutputStream", "flush", "flush", "()V");
        t.instance("java/io/Reader", "read", "read", "()I", "([C)I", "([CII)I");
        t.instance("java/io/BufferedReader", "readLine", "readLine", "()Ljava/lang/String;");
        t.instance("java/io/Writer", "flush", "flush", "()V");
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
        byNameAndDescriptor
                .computeIfAbsent(call.name() + call.descriptor(), k -> new ArrayList<>())
                .add(call);
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
