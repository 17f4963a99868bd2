package dev.hallpass.token.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.session.boundary.ActiveSession;
import dev.hallpass.testsupport.MovingClock;
import dev.hallpass.token.control.SigningKeyRepository;
import dev.hallpass.token.entity.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Minting and verifying access tokens with keys in memory and a clock the test moves: no container. */
class AccessTokensTest {

    static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    static final ActiveSession SESSION = new ActiveSession("handle-1", "ann", Set.of("user", "admin"), START,
            START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofHours(12)), false);

    final MovingClock clock = new MovingClock(START);
    SigningKeys keys;
    AccessTokens tokens;

    /** Keys in memory, newest first, as the database port promises. */
    static final class InMemoryKeys implements SigningKeyRepository {
        final List<SigningKey> keys = new ArrayList<>();

        @Override
        public synchronized List<SigningKey> findPublished(Instant at) {
            return keys.stream().filter(key -> at.isBefore(key.publishedUntil()))
                    .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
        }

        @Override
        public synchronized void add(SigningKey key) {
            keys.add(key);
        }

        @Override
        public int retire(Instant now, boolean unpublish, String keep) {
            throw new UnsupportedOperationException("not used here: IncidentControlsIT tests the emergency rotation");
        }
    }

    @BeforeEach
    void setUp() {
        keys = new SigningKeys();
        keys.repository = new InMemoryKeys();
        keys.clock = clock;
        keys.algorithm = "RS256";
        keys.rotation = Duration.ofDays(30);
        keys.accessTtl = Duration.ofMinutes(15);
        keys.keyEncryptionKey = Optional.of(Base64.getEncoder().encodeToString(new byte[32]));
        keys.checkSettings(null);
        keys.checkInterval = Duration.ZERO; // no scheduler here; the check between nodes is IncidentControlsIT's
        keys.start(null);
        tokens = tokens("https://login.example.test", List.of("hallpass", "orders"));
    }

    private AccessTokens tokens(String issuer, List<String> audience) {
        AccessTokens made = new AccessTokens();
        made.keys = keys;
        made.clock = clock;
        made.issuer = issuer;
        made.audience = audience;
        made.accessTtl = Duration.ofMinutes(15);
        made.type = "at+jwt";
        made.checkType();
        return made;
    }

    /** Claims as a well-behaved issuer would write them; tests then break one thing at a time. */
    private JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://login.example.test");
        claims.setAudience("hallpass");
        claims.setSubject("ann");
        claims.setClaim("sid", "handle-1");
        claims.setJwtId("jti-1");
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.instant().toEpochMilli()));
        claims.setNotBefore(NumericDate.fromMilliseconds(clock.instant().toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(clock.instant().plusSeconds(600).toEpochMilli()));
        return claims;
    }

    private String sign(JwtClaims claims, PublicJsonWebKey key, String algorithm, String typ) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        return jws.getCompactSerialization();
    }

    @Test
    void aMintedTokenVerifiesWithItsClaimsUntilItExpires() {
        IssuedAccessToken issued = tokens.mint(SESSION);
        VerifiedAccessToken verified = tokens.verify(issued.token()).orElseThrow();

        assertEquals("ann", verified.username());
        assertEquals(Set.of("user", "admin"), verified.roles());
        assertEquals("handle-1", verified.sessionHandle());
        assertEquals(900, issued.expiresInSeconds());

        clock.advance(Duration.ofMinutes(15).plusSeconds(31)); // past expiry and the 30 s skew
        assertTrue(tokens.verify(issued.token()).isEmpty(), "expired, even from the cache of verified tokens");
    }

    @Test
    void neverPastTheSessionsIdleOrAbsoluteExpiry() {
        ActiveSession almostIdle = new ActiveSession("handle-2", "ann", Set.of("user"), START, START.plusSeconds(120),
                START.plus(Duration.ofHours(12)), false);
        assertEquals(120, tokens.mint(almostIdle).expiresInSeconds());
    }

    @Test
    void anotherIssuerAudienceOrTypeIsRefusedThoughCorrectlySigned() throws Exception {
        PublicJsonWebKey key = keys.signingKey();
        assertTrue(tokens.verify(sign(claims(), key, key.getAlgorithm(), "at+jwt")).isPresent(), "the control case verifies");

        JwtClaims otherIssuer = claims();
        otherIssuer.setIssuer("https://evil.example");
        JwtClaims otherAudience = claims();
        otherAudience.setAudience("billing");
        JwtClaims noSid = claims();
        noSid.unsetClaim("sid");
        for (String token : List.of(sign(otherIssuer, key, key.getAlgorithm(), "at+jwt"),
                sign(otherAudience, key, key.getAlgorithm(), "at+jwt"), sign(noSid, key, key.getAlgorithm(), "at+jwt"),
                sign(claims(), key, key.getAlgorithm(), "JWT"), sign(claims(), key, key.getAlgorithm(), null))) {
            assertTrue(tokens.verify(token).isEmpty(), token);
        }
        assertTrue(tokens("https://other.example.test", List.of("hallpass")).verify(tokens.mint(SESSION).token()).isEmpty(),
                "a verifier with another issuer refuses ours");
    }

    @Test
    void foreignKeysNoSignatureTamperingAndUnknownKidsAreRefused() throws Exception {
        PublicJsonWebKey key = keys.signingKey();
        PublicJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(key.getKeyId()); // claims to be ours
        String minted = tokens.mint(SESSION).token();
        String[] parts = minted.split("\\.");

        JsonWebSignature unsigned = new JsonWebSignature();
        unsigned.setPayload(claims().toJson());
        unsigned.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        unsigned.setKeyIdHeaderValue(key.getKeyId());
        unsigned.setHeader("typ", "at+jwt");
        unsigned.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);

        JsonWebSignature embedded = new JsonWebSignature();
        embedded.setPayload(claims().toJson());
        embedded.setKey(stranger.getPrivateKey());
        embedded.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        embedded.setKeyIdHeaderValue(key.getKeyId());
        embedded.setHeader("typ", "at+jwt");
        embedded.setJwkHeader(stranger);

        PublicJsonWebKey unknown = RsaJwkGenerator.generateJwk(2048);
        unknown.setKeyId("not-published");
        for (String token : List.of(
                sign(claims(), stranger, key.getAlgorithm(), "at+jwt"),        // another key under our kid
                unsigned.getCompactSerialization(),                           // alg none
                embedded.getCompactSerialization(),                           // carries its own key
                sign(claims(), unknown, key.getAlgorithm(), "at+jwt"),         // a kid we never published
                parts[0] + "." + parts[1] + "x." + parts[2],                  // payload changed
                parts[0] + "." + parts[1],                                    // no signature part
                "not a token at all")) {
            assertTrue(tokens.verify(token).isEmpty(), token);
        }
    }
}
