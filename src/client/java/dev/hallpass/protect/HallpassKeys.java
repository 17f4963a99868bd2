package dev.hallpass.protect;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hallpass's published keys ({@code /.well-known/jwks.json}) and the check of a compact JWS against them,
 * with the JDK's own crypto: RS256, ES256 and EdDSA (Ed25519), the algorithm pinned to the key's. An unknown
 * key id reloads the key set, at most once a second.
 */
final class HallpassKeys {

    private record Key(String algorithm, PublicKey key) {
    }

    private final URI jwks;
    private final HttpClient http;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private volatile long lastLoad;

    HallpassKeys(URI jwks, HttpClient http) {
        this.jwks = jwks;
        this.http = http;
    }

    /** The payload of a JWS signed by a Hallpass key with header {@code typ}; empty if anything is off. */
    Optional<JsonObject> verify(String compact, String typ) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = json(parts[0]);
            if (!typ.equals(header.getString("typ", "")) || header.containsKey("jwk") || header.containsKey("jku")
                    || header.containsKey("x5u") || header.containsKey("x5c")) {
                return Optional.empty();
            }
            Optional<Key> key = key(header.getString("kid", ""));
            if (key.isEmpty() || !key.get().algorithm().equals(header.getString("alg", ""))) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance(switch (key.get().algorithm()) {
                case "RS256" -> "SHA256withRSA";
                case "ES256" -> "SHA256withECDSAinP1363Format";
                default -> "Ed25519";
            });
            signature.initVerify(key.get().key());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(json(parts[1]));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The payload of a JWS without checking it: for tokens the container's verifier already accepted. */
    static Optional<JsonObject> payloadOf(String compact) {
        String[] parts = compact.split("\\.", -1);
        try {
            return parts.length == 3 ? Optional.of(json(parts[1])) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Key> key(String kid) {
        Key known = keys.get(kid);
        if (known == null && System.currentTimeMillis() - lastLoad > 1000) {
            load();
            known = keys.get(kid);
        }
        return Optional.ofNullable(known);
    }

    private synchronized void load() {
        if (System.currentTimeMillis() - lastLoad <= 1000) {
            return;
        }
        lastLoad = System.currentTimeMillis();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return;
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                for (JsonObject jwk : reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                    try {
                        keys.put(jwk.getString("kid"), new Key(jwk.getString("alg"), publicKey(jwk)));
                    } catch (GeneralSecurityException | RuntimeException unusable) {
                        // a key of a kind this client does not know: tokens signed with it are refused
                    }
                }
            }
        } catch (IOException e) {
            // Hallpass unreachable: tokens with unknown keys are refused until it answers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
        switch (jwk.getString("kty")) {
            case "RSA" -> {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk.getString("n")),
                        unsigned(jwk.getString("e"))));
            }
            case "EC" -> {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec("secp256r1"));
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                        new ECPoint(unsigned(jwk.getString("x")), unsigned(jwk.getString("y"))),
                        parameters.getParameterSpec(ECParameterSpec.class)));
            }
            case "OKP" -> {
                byte[] x = Base64.getUrlDecoder().decode(jwk.getString("x"));
                boolean xOdd = (x[x.length - 1] & 0x80) != 0;
                x[x.length - 1] &= 0x7f;
                byte[] bigEndian = new byte[x.length];
                for (int i = 0; i < x.length; i++) {
                    bigEndian[i] = x[x.length - 1 - i];
                }
                return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                        new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
            }
            default -> throw new GeneralSecurityException("unsupported key type");
        }
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static JsonObject json(String base64url) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
