package dev.hallpass.token.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.session.boundary.ActiveSession;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Short-lived JWT access tokens ({@code typ: at+jwt}) for a session: signed with the current key,
 * verified against the published keys only, with the algorithm pinned to the key. A token that
 * names no known key, carries its own key material ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}),
 * or uses another algorithm or type than ours is refused without any outbound request.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final List<String> FOREIGN_KEY_HEADERS = List.of("jwk", "jku", "x5u", "x5c");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.token.issuer", defaultValue = "http://localhost:8080")
    String issuer;

    @Inject
    @ConfigProperty(name = "hallpass.token.audience", defaultValue = "hallpass")
    List<String> audience;

    @Inject
    @ConfigProperty(name = "hallpass.token.access-ttl", defaultValue = "PT15M")
    Duration accessTtl;

    /**
     * {@code at+jwt} (RFC 9068) by default. MicroProfile JWT verifiers that predate it — Payara's among
     * them — accept only {@code JWT}; deployments whose services use one set this to {@code JWT}.
     * Verification accepts exactly the configured type.
     */
    @Inject
    @ConfigProperty(name = "hallpass.token.type", defaultValue = "at+jwt")
    String type;

    /**
     * Tokens whose signature and claims were already checked, by their exact text: a client sends the
     * same token on every request, and a signature check costs far more than the request (RS256 ≈ 42 µs
     * here). Expiry and the session's end are still checked on every use.
     */
    private Cache<String, VerifiedAccessToken> verified;

    @PostConstruct
    void checkType() {
        if (!Set.of("at+jwt", "JWT").contains(type)) {
            throw new IllegalStateException("hallpass.token.type must be at+jwt or JWT, was " + type);
        }
        verified = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    /** {@code hallpass.token.issuer}: the {@code iss} of everything Hallpass signs. */
    public String issuer() {
        return issuer;
    }

    /** A URL under the issuer (Hallpass's public URL), for documents that point clients at endpoints. */
    public String issuerUrl(String path) {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + path;
    }

    /** {@code hallpass.token.access-ttl}: the longest an access token lives. */
    public Duration accessTtl() {
        return accessTtl;
    }

    /** A token for this session, never outliving it: neither its absolute nor its (current) idle expiry. */
    public IssuedAccessToken mint(ActiveSession session) {
        Instant now = clock.instant();
        Instant expiry = now.plus(accessTtl);
        if (expiry.isAfter(session.absoluteExpiresAt())) {
            expiry = session.absoluteExpiresAt();
        }
        if (expiry.isAfter(session.idleExpiresAt())) {
            expiry = session.idleExpiresAt();
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(session.username());
        claims.setClaim("upn", session.username());
        claims.setClaim("sid", session.handle());
        claims.setJwtId(randomId());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setNotBefore(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiry.toEpochMilli()));
        claims.setStringListClaim("groups", new ArrayList<>(session.roles()));
        return new IssuedAccessToken(keys.sign(claims.toJson(), type), Duration.between(now, expiry).toSeconds());
    }

    /** The token's content if it is one of ours and valid now; empty for anything else, whatever the reason. */
    public Optional<VerifiedAccessToken> verify(String token) {
        VerifiedAccessToken known = verified.getIfPresent(token);
        if (known != null) {
            return clock.instant().isBefore(known.expiresAt().plus(SKEW)) ? Optional.of(known) : Optional.empty();
        }
        Optional<VerifiedAccessToken> checked = check(token);
        checked.ifPresent(result -> verified.put(token, result));
        return checked;
    }

    /** Keys were withdrawn (an emergency rotation): tokens verified with them must be checked again, and fail. */
    void onKeysWithdrawn(@Observes SigningKeys.SigningKeysWithdrawn withdrawn) {
        verified.invalidateAll();
    }

    private Optional<VerifiedAccessToken> check(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) SKEW.toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience.toArray(String[]::new))
                .setVerificationKeyResolver(this::keyFor)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String sid = claims.getStringClaimValue("sid");
            if (sid == null || claims.getNotBefore() == null) {
                return Optional.empty();
            }
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            return Optional.of(new VerifiedAccessToken(claims.getSubject(), new HashSet<>(groups), sid, claims.getJwtId(),
                    Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis())));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Our key for this token, or a refusal: the header alone must never choose how it is checked. */
    private Key keyFor(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        for (String header : FOREIGN_KEY_HEADERS) {
            if (jws.getHeaders().getObjectHeaderValue(header) != null) {
                throw new UnresolvableKeyException("tokens carrying their own key material are refused");
            }
        }
        String presented = jws.getHeader("typ");
        String expected = type.toLowerCase(Locale.ROOT);
        if (presented == null || !Set.of(expected, "application/" + expected).contains(presented.toLowerCase(Locale.ROOT))) {
            throw new UnresolvableKeyException("not an access token");
        }
        String kid = jws.getKeyIdHeaderValue();
        PublicJsonWebKey key = kid == null ? null : keys.publicKey(kid).orElse(null);
        if (key == null || !key.getAlgorithm().equals(jws.getAlgorithmHeaderValue())) {
            throw new UnresolvableKeyException("no such key for this algorithm");
        }
        return key.getPublicKey();
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
