package dev.hallpass.session.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session secrets (256 bits, only ever in the cookie) and public handles (128 bits, non-secret).
 * The store keys sessions by the SHA-256 of the secret: the secret has full entropy, so a fast hash
 * is enough to make a leaked store useless for forging cookies.
 */
public final class SessionSecrets {

    private static final int SECRET_BYTES = 32;
    private static final int HANDLE_BYTES = 16;
    private static final Pattern SECRET_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionSecrets() {
    }

    public static String newSecret() {
        return random(SECRET_BYTES);
    }

    public static String newHandle() {
        return random(HANDLE_BYTES);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return ENCODER.encodeToString(buffer);
    }

    /** The value as a secret, if it has the shape of one; anything else is ignored, never looked up. */
    public static Optional<String> parse(String candidate) {
        return candidate != null && SECRET_FORMAT.matcher(candidate).matches()
                ? Optional.of(candidate) : Optional.empty();
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
