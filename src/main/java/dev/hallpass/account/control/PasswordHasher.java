package dev.hallpass.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256 through the JDK's own provider (OWASP: at least 600,000 iterations). The
 * encoded form carries its parameters ({@code pbkdf2-sha256$iterations$salt$hash}), so the cost can
 * be raised later and old hashes still verify, then get upgraded at the next login.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private int iterations;
    private String dummyHash;

    protected PasswordHasher() {
        // for CDI proxies
    }

    @Inject
    public PasswordHasher(@ConfigProperty(name = "hallpass.password.iterations", defaultValue = "600000") int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("hallpass.password.iterations must be positive, was " + iterations);
        }
        this.iterations = iterations;
        this.dummyHash = hash("not a real password; equalises the time of unknown-user logins");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        return SCHEME + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(derived);
    }

    /** Constant-time check; a malformed stored hash never matches. */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = DECODER.decode(parts[2]);
            byte[] expected = DECODER.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Verifies against a throw-away hash of the same cost, so an unknown user costs the same time. */
    public void verifyNothing(String password) {
        verify(password, dummyHash);
    }

    public boolean needsRehash(String encoded) {
        return !encoded.startsWith(SCHEME + "$" + iterations + "$");
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required of every Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}
