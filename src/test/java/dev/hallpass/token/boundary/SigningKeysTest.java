package dev.hallpass.token.boundary;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    @Test
    void withoutAKeyEncryptionKeyItRefusesToStartUnlessInDevelopmentMode() {
        SigningKeys keys = new SigningKeys();
        keys.algorithm = "RS256";
        keys.keyEncryptionKey = Optional.empty();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> keys.checkSettings(null));

        assertTrue(refused.getMessage().contains("hallpass.token.key-encryption-key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("hallpass.dev-mode=true"), refused.getMessage());
    }

    @Test
    void anUnknownAlgorithmIsRefusedAtStart() {
        SigningKeys keys = new SigningKeys();
        keys.algorithm = "HS256";

        assertThrows(IllegalStateException.class, () -> keys.checkSettings(null));
    }
}
