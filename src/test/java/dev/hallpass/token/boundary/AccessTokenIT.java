package dev.hallpass.token.boundary;

import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.ServerClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access tokens over HTTP: JWKS and metadata, minting for a cookie session, offline verification by
 * another service, revocation by logout, and every kind of forged or stale token refused alike.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessTokenIT {

    static final String ISSUER = "https://hallpass.test";
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration ROTATION = Duration.ofMinutes(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withTokenForgery(Deployments.withMovableClock(Deployments.hallpass("access-tokens", Map.of(
                "hallpass.token.issuer", ISSUER,
                "hallpass.token.audience", "hallpass,orders",
                "hallpass.token.access-ttl", TTL.toString(),
                "hallpass.token.key-rotation", ROTATION.toString()))));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    private String accessToken(String sessionSecret) {
        Reply reply = http.send("POST", "api/auth/token", null, null, cookie(sessionSecret));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getString("access_token");
    }

    private Reply withBearer(String token) {
        return http.get("api/auth/me", "Authorization", "Bearer " + token);
    }

    private void advanceClock(Duration by) {
        ServerClock.advance(http, by);
    }

    @Test
    void theJwksPublishesPublicParametersOnly() throws Exception {
        Reply jwks = http.get(".well-known/jwks.json");

        assertEquals(200, jwks.status());
        JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertFalse(key.getString("kid").isBlank());
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privatePart), "private parameter " + privatePart + " published");
        }
        assertEquals(1, new JsonWebKeySet(jwks.body()).getJsonWebKeys().size());
    }

    @Test
    void theMetadataNamesTheIssuerAndTheJwks() {
        JsonObject metadata = http.get(".well-known/openid-configuration").json();

        assertEquals(ISSUER, metadata.getString("issuer"));
        assertTrue(metadata.getString("jwks_uri").endsWith("/.well-known/jwks.json"), metadata.toString());
    }

    @Test
    void aTokenForTheSessionAuthenticatesAndAnotherServiceCanVerifyItOffline() throws Exception {
        String session = Logins.adminSecret(http);
        Reply issued = http.send("POST", "api/auth/token", null, null, cookie(session));
        String token = issued.json().getString("access_token");

        assertEquals("Bearer", issued.json().getString("token_type"));
        assertEquals(TTL.toSeconds(), issued.json().getJsonNumber("expires_in").longValue(), 2);
        assertEquals("no-store", issued.header("Cache-Control").orElse(null));
        Reply me = withBearer(token);
        assertEquals(200, me.status(), me::toString);
        assertEquals("admin", me.json().getString("username"));
        assertEquals(200, http.get("api/admin/accounts/admin", "Authorization", "Bearer " + token).status(),
                "roles from the token count for @RolesAllowed");

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(http.get(".well-known/jwks.json").body()).getJsonWebKeys()))
                .setExpectedIssuer(ISSUER).setExpectedAudience("orders").setSkipDefaultAudienceValidation()
                .setEvaluationTime(null).setSkipAllDefaultValidators().build().processToClaims(token);
        JsonWebSignature header = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        assertAll(() -> assertEquals("at+jwt", header.getHeader("typ")),
                () -> assertEquals(List.of("hallpass", "orders"), claims.getAudience()),
                () -> assertEquals("admin", claims.getSubject()),
                () -> assertEquals("admin", claims.getStringClaimValue("upn")),
                () -> assertEquals(me.json().getJsonObject("session").getString("handle"), claims.getStringClaimValue("sid")),
                () -> assertTrue(claims.getStringListClaimValue("groups").containsAll(List.of("admin", "user"))),
                () -> assertTrue(claims.getJwtId() != null && claims.getIssuedAt() != null && claims.getNotBefore() != null),
                () -> assertEquals(TTL.toSeconds(), claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()));
    }

    @Test
    void loggingOutEndsTheSessionsAccessTokensToo() {
        String session = Logins.adminSecret(http);
        String token = accessToken(session);
        assertEquals(200, withBearer(token).status());

        assertEquals(204, http.send("POST", "api/auth/logout", null, null, cookie(session)).status());

        assertInvalidToken(withBearer(token));
    }

    @Test
    void afterARotationTokensOfTheOldKeyStayValidUntilTheyExpireAndThenItsKeyLeavesTheJwks() {
        String session = Logins.adminSecret(http);
        String previous = accessToken(session);
        String current = previous;
        for (int step = 0; step <= ROTATION.toMinutes() / 3 + 1 && kid(current).equals(kid(previous)); step++) {
            previous = current;
            advanceClock(Duration.ofMinutes(3));
            current = accessToken(Logins.adminSecret(http));
        }
        String oldKid = kid(previous);

        assertNotEquals(oldKid, kid(current), "a new key signs after the rotation period");
        assertEquals(200, withBearer(previous).status(), "a token of the old key minted before the rotation still works");
        assertTrue(http.get(".well-known/jwks.json").body().contains(oldKid), "the old key is still published");

        advanceClock(TTL.plusMinutes(2));

        assertInvalidToken(withBearer(previous));
        assertFalse(http.get(".well-known/jwks.json").body().contains(oldKid), "and then it leaves the JWKS");
        assertEquals(200, withBearer(accessToken(Logins.adminSecret(http))).status());
    }

    private static String kid(String token) {
        return Json.createReader(new java.io.StringReader(decode(token.split("\\.")[0]))).readObject().getString("kid");
    }

    @Test
    void anExpiredOrNotYetValidTokenIsRefused() {
        String token = accessToken(Logins.adminSecret(http));

        advanceClock(Duration.ofMinutes(-10));
        Reply early = withBearer(token);
        advanceClock(Duration.ofMinutes(10).plus(TTL).plusMinutes(1));
        Reply late = withBearer(token);

        assertInvalidToken(early);
        assertInvalidToken(late);
    }

    @Test
    void forgedAndMalformedTokensAreAllRefusedAlikeWithoutFetchingAnything() throws Exception {
        String token = accessToken(Logins.adminSecret(http));
        String[] parts = token.split("\\.");
        JsonObject header = Json.createReader(new java.io.StringReader(decode(parts[0]))).readObject();
        String kid = header.getString("kid");
        String payload = decode(parts[1]);
        RsaJsonWebKey attacker = RsaJwkGenerator.generateJwk(2048);
        attacker.setKeyId("attacker");
        AtomicInteger fetches = new AtomicInteger();
        HttpServer jwksHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksHost.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JsonWebKeySet(attacker).toJson().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksHost.start();
        try {
            String publicPem = http.get(".well-known/jwks.json").body();
            Map<String, String> forged = new LinkedHashMap<>();
            forged.put("tampered payload", parts[0] + "." + encode(payload.replace("\"admin\"", "\"mallory\"")) + "." + parts[2]);
            forged.put("stripped signature", parts[0] + "." + parts[1] + ".");
            for (String none : List.of("none", "None", "NONE", "nOnE")) {
                forged.put("alg " + none, encode("{\"alg\":\"" + none + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".");
            }
            forged.put("HS256 keyed with the public JWKS", hmac(encode("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}") + "." + parts[1], publicPem));
            forged.put("embedded jwk", signWithAttacker(attacker, payload, Map.of("jwk", attacker.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
            forged.put("jku to a loopback listener", signWithAttacker(attacker, payload,
                    Map.of("jku", "http://127.0.0.1:" + jwksHost.getAddress().getPort() + "/jwks.json")));
            forged.put("unknown kid", signWithAttacker(attacker, payload, Map.of()));
            forged.put("correctly signed, wrong issuer", forge(payload.replace(ISSUER, "https://evil.example"), "at+jwt"));
            forged.put("correctly signed, wrong audience", forge(payload.replace("\"hallpass\",\"orders\"", "\"elsewhere\""), "at+jwt"));
            forged.put("correctly signed, plain JWT type", forge(payload, "JWT"));
            forged.put("correctly signed, no type", forge(payload, null));
            forged.put("correctly signed, no session", forge(payload.replaceAll("\"sid\":\"[^\"]*\",?", ""), "at+jwt"));
            forged.put("an opaque string", "not-a-jwt");
            forged.put("a session cookie secret", Logins.adminSecret(http));

            for (Map.Entry<String, String> attempt : forged.entrySet()) {
                assertAll(attempt.getKey(), () -> assertInvalidToken(withBearer(attempt.getValue())));
            }
            assertEquals(200, withBearer(forge(payload, "at+jwt")).status(),
                    "control: the forgery resource works, so the refusals above are for the stated reasons");
            assertEquals(0, fetches.get(), "a jku header made the server fetch a key set");
            assertEquals(200, withBearer(token).status(), "the genuine token still works");
        } finally {
            jwksHost.stop(0);
        }
    }

    private String forge(String claims, String typ) {
        String query = typ == null ? "" : "?typ=" + java.net.URLEncoder.encode(typ, StandardCharsets.UTF_8);
        Reply reply = http.send("POST", "api/test-support/forge" + query, "application/json", claims);
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }

    private static String signWithAttacker(RsaJsonWebKey attacker, String payload, Map<String, Object> headers) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setKey(attacker.getPrivateKey());
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue(attacker.getKeyId());
        jws.setHeader("typ", "at+jwt");
        headers.forEach(jws.getHeaders()::setObjectHeaderValue);
        return jws.getCompactSerialization();
    }

    private static String hmac(String signingInput, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidToken(Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("Bearer error=\"invalid_token\"", reply.header("WWW-Authenticate").orElse(null));
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("The access token is not valid", reply.json().getString("detail"));
    }
}
