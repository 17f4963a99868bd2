package dev.hallpass.account.control;

import dev.hallpass.problem.Busy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256 through the JDK's own provider (OWASP: at least 600,000 iterations). The
 * encoded form carries its parameters ({@code pbkdf2-sha256$iterations$salt$hash}), so the cost can
 * be raised later and old hashes still verify, then get upgraded at the next login.
 *
 * <p>At most {@code hallpass.password.max-concurrent} derivations run at once on a node (by default one
 * per core): each costs a core for a good fraction of a second, so unbounded, anyone able to send
 * passwords (logins, unknown user names included) could starve every other request of CPU. A request
 * that waits longer than {@code hallpass.password.max-wait} for its turn is answered 503 with
 * {@code Retry-After}. Callers never hold a database connection or transaction while hashing.
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
    private Semaphore turns;
    private long maxWaitNanos;

    protected PasswordHasher() {
        // for CDI proxies
    }

    public PasswordHasher(int iterations) {
        this(iterations, Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(5));
    }

    @Inject
    public PasswordHasher(@ConfigProperty(name = "hallpass.password.iterations", defaultValue = "600000") int iterations,
                          @ConfigProperty(name = "hallpass.password.max-concurrent", defaultValue = "0") int maxConcurrent,
                          @ConfigProperty(name = "hallpass.password.max-wait", defaultValue = "PT5S") Duration maxWait) {
        if (iterations < 1) {
            throw new IllegalArgumentException("hallpass.password.iterations must be positive, was " + iterations);
        }
        if (maxConcurrent < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("hallpass.password.max-concurrent and max-wait must not be negative");
        }
        this.iterations = iterations;
        this.turns = new Semaphore(maxConcurrent == 0 ? Runtime.getRuntime().availableProcessors() : maxConcurrent, true);
        this.maxWaitNanos = maxWait.toNanos();
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

    private byte[] derive(String password, byte[] salt, int iterations) {
        try {
            if (!turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new Busy("busy.password-checks", 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("busy.interrupted", 1);
        }
        try {
            return deriveNow(password, salt, iterations);
        } finally {
            turns.release();
        }
    }

    private static byte[] deriveNow(String password, byte[] salt, int iterations) {
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
