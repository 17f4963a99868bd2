package dev.hallpass.token.boundary;

import dev.hallpass.token.control.KeyEncryption;
import dev.hallpass.token.control.SigningKeyRepository;
import dev.hallpass.token.entity.SigningKey;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The keys that sign access tokens, shared by all nodes through the database. A key signs for
 * {@code hallpass.token.key-rotation}, then a new one takes over; the old public key stays in the
 * JWKS until every token it signed has expired. Keys appear here when a node creates them or when
 * this node sees a token (or the clock) ask for a key it does not know, at most every few seconds.
 */
@ApplicationScoped
public class SigningKeys {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    // A token signed by a key another node just made is refused for at most this long (review L11).
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SigningKeyRepository repository;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.token.algorithm", defaultValue = "RS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = "hallpass.token.key-rotation", defaultValue = "P30D")
    Duration rotation;

    @Inject
    @ConfigProperty(name = "hallpass.token.access-ttl", defaultValue = "PT15M")
    Duration accessTtl;

    @Inject
    @ConfigProperty(name = "hallpass.token.key-encryption-key")
    Optional<String> keyEncryptionKey;

    @Inject
    @ConfigProperty(name = "hallpass.dev-mode", defaultValue = "false")
    boolean devMode;

    @Inject
    @ConfigProperty(name = "hallpass.token.key-check-interval", defaultValue = "PT1S")
    Duration checkInterval;

    @Inject
    Event<SigningKeysWithdrawn> withdrawn;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private KeyEncryption encryption;
    private final Set<String> undecryptable = ConcurrentHashMap.newKeySet();
    private volatile Loaded loaded = new Loaded(null, null, Map.of(), Instant.MIN, "");
    private ScheduledFuture<?> checks;

    /** What this node knows: the key it signs with, until when, and every published public key. */
    private record Loaded(PublicJsonWebKey signing, Instant signsUntil, Map<String, Published> published, Instant loadedAt,
                          String fingerprint) {
    }

    /** Fired when keys this node trusted were withdrawn early: what it verified with them is forgotten. */
    public record SigningKeysWithdrawn(Set<String> kids) {
    }

    private record Published(PublicJsonWebKey key, Instant until) {
    }

    /**
     * Settings first, before the schema migration and the bootstrap admin (priority 100 and 200): a node
     * that is going to refuse to start must not write anything on its way down.
     */
    void checkSettings(@Observes @Priority(50) Startup startup) {
        if (!List.of("RS256", "ES256", "EdDSA").contains(algorithm)) {
            throw new IllegalStateException("hallpass.token.algorithm must be RS256, ES256 or EdDSA, was " + algorithm);
        }
        encryption = keyEncryptionKey.filter(k -> !k.isBlank()).map(KeyEncryption::fromBase64).orElseGet(this::developmentKey);
    }

    void start(@Observes @Priority(250) Startup startup) {
        reload();
        if (!checkInterval.isZero()) {
            long millis = checkInterval.toMillis();
            checks = scheduler.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    /**
     * Every {@code hallpass.token.key-check-interval}: another node rotated or withdrew keys (an emergency
     * rotation) → this node signs with the new key and refuses the withdrawn ones from now on.
     */
    private void checkQuietly() {
        try {
            if (!fingerprint(repository.findPublished(clock.instant())).equals(loaded.fingerprint())) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "Could not check the signing keys; trying again", e);
        }
    }

    private static String fingerprint(List<SigningKey> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach(k -> text.append(k.kid()).append('/').append(k.signsUntil()).append('/').append(k.publishedUntil()).append(';'));
        return text.toString();
    }

    /** What {@link #rotateNow} did. */
    public record Rotated(String kid, int retired, boolean withdrawn) {
    }

    /**
     * An emergency rotation: every key stops signing now and a new one takes over; with {@code withdrawOld}
     * the old public keys also leave the JWKS, so every access token signed with them is refused on every node
     * within a key check (refresh tokens are not signed: a refresh issues an access token with the new key).
     */
    public synchronized Rotated rotateNow(boolean withdrawOld) {
        // the new key is stored before the old ones stop: a node reloading in between finds it, never makes its own
        SigningKey fresh = generate(clock.instant());
        repository.add(fresh);
        int retired = repository.retire(clock.instant(), withdrawOld, fresh.kid());
        Loaded now = reload();
        LOG.warning(() -> "Signing keys rotated by an administrator: " + retired + " retired" + (withdrawOld ? " and withdrawn" : "")
                + ", now signing with " + now.signing().getKeyId());
        return new Rotated(now.signing().getKeyId(), retired, withdrawOld);
    }

    /**
     * Without a key-encryption key, the signing keys could only be encrypted with a key anyone can read
     * in this source: a copy of the database would then forge tokens. So that is refused unless the
     * operator chose development mode ({@code hallpass.dev-mode=true}, what the README's run command does).
     */
    private KeyEncryption developmentKey() {
        if (!devMode) {
            throw new IllegalStateException("No hallpass.token.key-encryption-key (32 random bytes, base64: "
                    + "openssl rand -base64 32) to protect the signing keys: refusing to start without it. "
                    + "For a local trial only, set hallpass.dev-mode=true to use a public development key.");
        }
        LOG.warning("DEVELOPMENT MODE (hallpass.dev-mode=true): signing keys are encrypted with a public development key, "
                + "so anyone with a copy of the database can forge tokens. Never use this mode with real users; "
                + "set hallpass.token.key-encryption-key instead.");
        try {
            return new KeyEncryption(MessageDigest.getInstance("SHA-256")
                    .digest("hallpass development key - not for production".getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key that signs now, rotating first if its time is up. */
    public PublicJsonWebKey signingKey() {
        Loaded current = loaded;
        if (current.signing == null || !clock.instant().isBefore(current.signsUntil)) {
            current = reload();
        }
        return current.signing;
    }

    /** A compact JWS of {@code payload} (JSON) with the current key, its id and algorithm, and header {@code typ}. */
    public String sign(String payload, String typ) {
        PublicJsonWebKey key = signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        jws.setHeader("typ", typ);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a " + typ, e);
        }
    }

    /** The public key with this id, if it is published; an unknown id triggers at most one reload a second. */
    public Optional<PublicJsonWebKey> publicKey(String kid) {
        Instant now = clock.instant();
        Loaded current = loaded;
        Published key = current.published.get(kid);
        if (key == null && Duration.between(current.loadedAt, now).compareTo(MIN_RELOAD_INTERVAL) > 0) {
            key = reload().published.get(kid);
        }
        return Optional.ofNullable(key).filter(k -> now.isBefore(k.until)).map(Published::key);
    }

    /** The JWKS document: public parameters only, each key with kid, use and alg. */
    public String jwks() {
        signingKey();
        Instant now = clock.instant();
        List<JsonWebKey> published = new ArrayList<>();
        loaded.published.values().stream().filter(k -> now.isBefore(k.until)).forEach(k -> published.add(k.key));
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public String algorithm() {
        return algorithm;
    }

    private synchronized Loaded reload() {
        Instant now = clock.instant();
        List<SigningKey> keys = repository.findPublished(now);
        if (keys.stream().noneMatch(k -> k.signsUntil().isAfter(now) && k.algorithm().equals(algorithm))) {
            SigningKey created = generate(now);
            repository.add(created);
            LOG.info(() -> "New " + algorithm + " signing key " + created.kid() + ", signing until " + created.signsUntil());
            keys = repository.findPublished(now);
        }
        Map<String, Published> published = new LinkedHashMap<>();
        PublicJsonWebKey signingKey = null;
        Instant signsUntil = null;
        for (SigningKey key : keys) {
            published.put(key.kid(), new Published(parse(key.publicJwk()), key.publishedUntil()));
            if (signingKey == null && key.signsUntil().isAfter(now) && key.algorithm().equals(algorithm)) {
                signingKey = decrypt(key).orElse(null);
                signsUntil = key.signsUntil();
            }
        }
        if (signingKey == null) {
            // Every current key was encrypted with another key-encryption key (a node started with a different
            // one, or a key being changed): sign with a key of our own rather than fail every token (review L11).
            SigningKey own = generate(now);
            repository.add(own);
            published.put(own.kid(), new Published(parse(own.publicJwk()), own.publishedUntil()));
            signingKey = decrypt(own).orElseThrow();
            signsUntil = own.signsUntil();
        }
        Set<String> gone = new HashSet<>(); // withdrawn early: still due to be published, now no longer
        loaded.published().forEach((kid, key) -> {
            if (now.isBefore(key.until()) && !published.containsKey(kid)) {
                gone.add(kid);
            }
        });
        loaded = new Loaded(signingKey, signsUntil, Map.copyOf(published), now, fingerprint(keys));
        if (!gone.isEmpty()) {
            withdrawn.fire(new SigningKeysWithdrawn(Set.copyOf(gone)));
        }
        return loaded;
    }

    private Optional<PublicJsonWebKey> decrypt(SigningKey key) {
        try {
            return Optional.of(parse(encryption.decrypt(key.privateJwkEncrypted(), key.kid())));
        } catch (IllegalStateException otherKey) {
            if (undecryptable.add(key.kid())) {
                LOG.severe(() -> "Signing key " + key.kid() + " was encrypted with another hallpass.token.key-encryption-key "
                        + "than this node's: give every node the same key. Meanwhile this node signs with another key (its own if it has no other).");
            }
            return Optional.empty();
        }
    }

    private SigningKey generate(Instant now) {
        try {
            PublicJsonWebKey jwk = switch (algorithm) {
                case "ES256" -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
                case "EdDSA" -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
                default -> RsaJwkGenerator.generateJwk(2048);
            };
            byte[] id = new byte[12];
            RANDOM.nextBytes(id);
            String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(algorithm);
            jwk.setUse("sig");
            Instant signsUntil = now.plus(rotation);
            return new SigningKey(kid, algorithm, jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    encryption.encrypt(jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), kid), now, signsUntil,
                    signsUntil.plus(accessTtl).plus(CLOCK_SKEW));
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
    }

    private static PublicJsonWebKey parse(String json) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException("A stored signing key does not parse", e);
        }
    }
}
