package io.gil4j.process;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test support: the methods the tests run on worker processes, and the types they pass. */
public final class Fixtures {

    /** The globs a test pool allows: the fixture types meant to cross, not the others. */
    public static final String[] ALLOWED = {"io.gil4j.process.Fixtures$Counter", "io.gil4j.process.Fixtures$Re*"};

    private Fixtures() {}

    static int add(int a, int b) {
        return a + b;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static Object identity(Object value) {
        return value;
    }

    /** Each key with the sum of its list; a sorted map, so another collection type comes back. */
    static Map<String, Integer> sums(Map<String, List<Integer>> lists) {
        Map<String, Integer> sums = new TreeMap<>();
        lists.forEach((key, values) ->
                sums.put(key, values.stream().mapToInt(Integer::intValue).sum()));
        return sums;
    }

    static void fail(String message) {
        throw new IllegalStateException(message);
    }

    static void refuse(String message) {
        throw new Refused(message);
    }

    static void leak(String message) {
        throw new Secret(message);
    }

    static Opaque opaque() {
        return new Opaque();
    }

    /** Writes this process's id to {@code pidFile} (atomically), then sleeps {@code millis}. */
    static void sleepAfterSaying(String pidFile, long millis) throws IOException, InterruptedException {
        Path target = Path.of(pidFile);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, Long.toString(ProcessHandle.current().pid()));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(millis); // the behaviour under test: a call still running when its worker dies or is cut off
    }

    static Method method(String name) {
        for (Method method : Fixtures.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("no fixture " + name);
    }

    /** A receiver: calls on it run on the worker's copy. */
    public static final class Counter implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int base;

        public Counter(int base) {
            this.base = base;
        }

        public int scaled(int factor) {
            return base * factor;
        }
    }

    /** An exception type on the test pool's allow-list. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** A serializable exception type not on the allow-list. */
    static final class Secret extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Secret(String message) {
            super(message);
        }
    }

    /** Serializable, but not on the allow-list. */
    public static final class Unlisted implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Not serializable. */
    public static final class Opaque {}
}
