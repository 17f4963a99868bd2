package dev.hallpass.infrastructure.cache;

import dev.hallpass.infrastructure.persistence.JpaClusterSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MAC (HMAC-SHA256) on every session entry in Redis and every end message on its channel, under a
 * key all nodes share: {@code hallpass.cache.seal-key}, else one derived from
 * {@code hallpass.token.key-encryption-key}, else a random key the first node stores in the database.
 * Whoever can write to Redis but not read that key cannot make, extend or elevate a session: an entry
 * that fails the check is a miss, answered by the database.
 */
@ApplicationScoped
public class CacheSeal {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "hallpass.cache.seal-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "hallpass.token.key-encryption-key")
    Optional<String> keyEncryptionKey;

    @Inject
    JpaClusterSecrets clusterSecrets;

    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    public CacheSeal() {
        // key from the configuration or the database, at first use
    }

    /** With a fixed key (plain unit tests). */
    CacheSeal(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The MAC of {@code text}, URL-safe base64 without padding (no {@code |} or space in it). */
    public String of(String text) {
        Mac mac = mac();
        return ENCODER.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code seal} is the MAC of {@code text}; compared in constant time. */
    public boolean matches(String text, String seal) {
        return MessageDigest.isEqual(of(text).getBytes(StandardCharsets.US_ASCII), seal.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        Mac mac = macs.get();
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(key());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
            macs.set(mac);
        }
        return mac;
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(keyBytes(), ALGORITHM);
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] keyBytes() {
        Optional<String> configured = configuredKey.filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            byte[] bytes = Base64.getDecoder().decode(configured.get().strip().replace('-', '+').replace('_', '/'));
            if (bytes.length < 32) {
                throw new IllegalStateException("hallpass.cache.seal-key must be at least 32 bytes (base64)");
            }
            return bytes;
        }
        Optional<String> kek = keyEncryptionKey.filter(k -> !k.isBlank());
        if (kek.isPresent()) {
            return derive(kek.get().strip().getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getDecoder().decode(clusterSecrets.getOrCreate("cache-seal", () -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }));
    }

    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal("hallpass cache seal v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
