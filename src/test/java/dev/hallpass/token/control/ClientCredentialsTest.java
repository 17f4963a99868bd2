package dev.hallpass.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    static String hashOf(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ClientCredentials.sha256(secret));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    final ClientCredentials clients = new ClientCredentials(List.of("orders:" + hashOf("s3cret:with:colons"), " billing : " + hashOf("b")));

    @Test
    void aKnownClientWithItsSecretIsAuthenticated() {
        assertEquals(Optional.of("orders"), clients.authenticate(basic("orders", "s3cret:with:colons")));
        assertEquals(Optional.of("billing"), clients.authenticate(basic("billing", "b")));
    }

    @Test
    void anythingElseIsNot() {
        for (String header : new String[] {null, "", "Bearer x", basic("orders", "wrong"), basic("nobody", "b"),
                "Basic !!!", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))}) {
            assertTrue(clients.authenticate(header).isEmpty(), String.valueOf(header));
        }
    }

    @Test
    void aSecretInClearInsteadOfItsHashIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientCredentials(List.of("orders:plain-secret")));
        assertThrows(IllegalArgumentException.class, () -> new ClientCredentials(List.of("no-secret")));
    }
}
