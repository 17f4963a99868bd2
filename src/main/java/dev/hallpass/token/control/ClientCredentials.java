package dev.hallpass.token.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource servers allowed to introspect and revoke tokens, from {@code hallpass.token.clients}
 * ({@code id:sha256,…}: each secret only as the base64url SHA-256 of it, never in clear). Checked
 * with HTTP Basic, in constant time; an unknown id costs the same as a wrong secret.
 */
public final class ClientCredentials {

    private static final byte[] NOBODY = sha256("no such client");

    private final Map<String, byte[]> secretHashes = new HashMap<>();

    public ClientCredentials(List<String> entries) {
        for (String entry : entries) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("hallpass.token.clients entries are id:sha256-of-secret, got '" + parts[0] + ":…'");
            }
            try {
                byte[] hash = Base64.getUrlDecoder().decode(parts[1].strip());
                if (hash.length != 32) {
                    throw new IllegalArgumentException("not 32 bytes");
                }
                secretHashes.put(parts[0].strip(), hash);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hallpass.token.clients: the secret hash of " + parts[0]
                        + " must be the base64url SHA-256 of the secret");
            }
        }
    }

    /** The client id if the {@code Authorization: Basic} header names a known client with its secret. */
    public Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        byte[] expected = secretHashes.getOrDefault(id, NOBODY);
        boolean matches = MessageDigest.isEqual(expected, sha256(decoded.substring(colon + 1)));
        return matches && secretHashes.containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
