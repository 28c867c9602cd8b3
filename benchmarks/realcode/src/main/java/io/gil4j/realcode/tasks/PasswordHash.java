package io.gil4j.realcode.tasks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Password hashing and authenticated encryption with Bouncy Castle's pure-Java engines: a key derived by
 * scrypt (memory-hard: {@value #SCRYPT_N} × 128 × {@value #SCRYPT_R} bytes per call), then a generated
 * message encrypted and decrypted with AES-GCM under that key and the ciphertext digested with SHA-256.
 *
 * <p>Uses the lightweight API ({@code org.bouncycastle.crypto}), never the JCA provider, so every cycle is
 * spent in Bouncy Castle's classes rather than in JDK intrinsics.
 */
public final class PasswordHash {

    private static final int SCRYPT_N = 8192;
    private static final int SCRYPT_R = 8;
    private static final int MESSAGE_BYTES = 512 * 1024;
    private static final int TAG_BITS = 128;

    private PasswordHash() {}

    /**
     * Derives a key from the password generated from {@code seed}, and encrypts, digests and decrypts the
     * message generated from it.
     *
     * @return the first eight bytes of the ciphertext's SHA-256 digest
     * @throws IllegalStateException if decryption does not give back the message
     */
    public static long run(int seed) {
        Random random = new Random(seed);
        byte[] password = Words.sentence(random, 4).getBytes(StandardCharsets.UTF_8);
        byte[] salt = bytes(random, 16);
        byte[] nonce = bytes(random, 12);
        byte[] message = bytes(random, MESSAGE_BYTES);
        byte[] key = SCrypt.generate(password, salt, SCRYPT_N, SCRYPT_R, 1, 32);
        AEADParameters parameters = new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, salt);

        byte[] sealed = crypt(true, parameters, message);
        byte[] opened = crypt(false, parameters, sealed);
        if (!Arrays.equals(opened, message)) {
            throw new IllegalStateException("AES-GCM did not give back the message");
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(sealed, 0, sealed.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        long checksum = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            checksum = checksum << 8 | (hash[i] & 0xff);
        }
        return checksum;
    }

    private static byte[] crypt(boolean encrypt, AEADParameters parameters, byte[] input) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, parameters);
        byte[] output = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, output, 0);
        try {
            length += cipher.doFinal(output, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM rejected its own ciphertext", e);
        }
        return Arrays.copyOf(output, length);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
