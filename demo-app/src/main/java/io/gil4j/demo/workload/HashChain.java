package io.gil4j.demo.workload;

import io.gil4j.api.Offload;
import java.io.Serializable;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Cryptography: a chain of SHA-256 digests over a 64-byte state. Each step hashes the state and makes the
 * new state {@code digest || first half of the old state}; the task returns the last digest in hex.
 *
 * <p>Many short JDK calls inside one instrumented loop: the loop's back-edge is checked between any two
 * digests, so the lock can change hands every few microseconds if it must.
 */
public final class HashChain implements Workload, Serializable {

    private static final long serialVersionUID = 1L;

    /** Digests per task by default: about 0.2 s per task in plain Java on the reference machine. */
    static final int DEFAULT_DIGESTS = 2_000_000;
    /** Digests per task for {@link Size#SMALL}. */
    static final int SMALL_DIGESTS = 5_000;

    private static final int STATE_BYTES = 64;
    private static final int DIGEST_BYTES = 32;

    private final int digests;

    /**
     * A workload whose tasks each compute {@code digests} chained digests.
     *
     * @throws IllegalArgumentException if {@code digests} is not positive
     */
    public HashChain(int digests) {
        if (digests <= 0) {
            throw new IllegalArgumentException("digests must be positive, got " + digests);
        }
        this.digests = digests;
    }

    static Workload ofSize(Size size) {
        return new HashChain(size == Size.SMALL ? SMALL_DIGESTS : DEFAULT_DIGESTS);
    }

    @Override
    public String name() {
        return "hash";
    }

    @Offload
    @Override
    public Object runTask(int taskIndex) {
        return chain(taskIndex, digests);
    }

    /**
     * The last digest, in lower-case hex, of a chain of {@code digests} steps that starts from a state whose
     * 64 bytes all equal {@code (byte) seed}.
     */
    public static String chain(int seed, int digests) {
        MessageDigest sha256 = newSha256();
        byte[] state = new byte[STATE_BYTES];
        for (int i = 0; i < STATE_BYTES; i++) {
            state[i] = (byte) seed;
        }
        try {
            for (int step = 0; step < digests; step++) {
                sha256.update(state, 0, STATE_BYTES);
                System.arraycopy(state, 0, state, DIGEST_BYTES, STATE_BYTES - DIGEST_BYTES);
                sha256.digest(state, 0, DIGEST_BYTES);
            }
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", e);
        }
        return HexFormat.of().formatHex(state, 0, DIGEST_BYTES);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
