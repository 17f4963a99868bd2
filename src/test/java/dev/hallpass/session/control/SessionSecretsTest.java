package dev.hallpass.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionSecretsTest {

    @Test
    void secretsAre256BitBase64UrlAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = SessionSecrets.newSecret();
            assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
            assertTrue(seen.add(secret));
        }
    }

    @Test
    void handlesAre128BitAndUnrelatedToSecrets() {
        assertTrue(SessionSecrets.newHandle().matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void theStoredHashIsStableButIsNotTheSecret() {
        String secret = SessionSecrets.newSecret();

        assertEquals(SessionSecrets.hash(secret), SessionSecrets.hash(secret));
        assertNotEquals(secret, SessionSecrets.hash(secret));
        assertNotEquals(SessionSecrets.hash(secret), SessionSecrets.hash(SessionSecrets.newSecret()));
    }

    @Test
    void onlyValuesShapedLikeASecretAreEverLookedUp() {
        assertTrue(SessionSecrets.parse(SessionSecrets.newSecret()).isPresent());
        for (String garbage : new String[] {null, "", "short", "A".repeat(44), "A".repeat(42) + "=", "A".repeat(42) + "+",
                "A".repeat(4000)}) {
            assertTrue(SessionSecrets.parse(garbage).isEmpty(), String.valueOf(garbage));
        }
    }
}
