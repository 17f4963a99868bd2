package dev.hallpass.token.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for private signing keys at rest: {@code v1.<iv>.<ciphertext+tag>}, base64url. The
 * key id is bound in as associated data, so a ciphertext moved to another row does not decrypt.
 */
public final class KeyEncryption {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeyEncryption(byte[] keyBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (256 bits), was " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
    }

    /** From the base64 (standard or URL-safe) text of a 256-bit key. */
    public static KeyEncryption fromBase64(String text) {
        try {
            return new KeyEncryption(Base64.getDecoder().decode(text.strip().replace('-', '+').replace('_', '/')));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hallpass.token.key-encryption-key must be 32 random bytes in base64: " + e.getMessage());
        }
    }

    public String encrypt(String plaintext, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, boundTo, plaintext.getBytes(StandardCharsets.UTF_8));
        return "v1." + ENCODER.encodeToString(iv) + "." + ENCODER.encodeToString(sealed);
    }

    public String decrypt(String ciphertext, String boundTo) {
        String[] parts = ciphertext.split("\\.");
        if (parts.length != 3 || !"v1".equals(parts[0])) {
            throw new IllegalStateException("not a v1 encrypted key");
        }
        return new String(run(Cipher.DECRYPT_MODE, DECODER.decode(parts[1]), boundTo, DECODER.decode(parts[2])),
                StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, String boundTo, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a signing key: wrong hallpass.token.key-encryption-key?", e);
        }
    }
}
