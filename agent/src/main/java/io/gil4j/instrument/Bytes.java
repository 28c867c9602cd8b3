package io.gil4j.instrument;

/** Searching a class file's bytes without parsing them. */
final class Bytes {

    private Bytes() {}

    /** True if {@code wanted} (not empty) occurs in {@code haystack}. */
    static boolean contains(byte[] haystack, byte[] wanted) {
        byte first = wanted[0];
        int last = haystack.length - wanted.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < wanted.length; j++) {
                if (haystack[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
