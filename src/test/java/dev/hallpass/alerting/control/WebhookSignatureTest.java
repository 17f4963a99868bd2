package dev.hallpass.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // computed apart from this code: printf '1700000000.{}' | openssl dgst -sha256 -hmac 'secret-for-the-test'
        assertEquals("sha256=af81e0e92d0b43ff5c034a4033e657b2cafa88db2da391ec973df89bbe76910d",
                WebhookSignature.sign("secret-for-the-test", 1_700_000_000L, "{}"));
        String signature = WebhookSignature.sign("secret-for-the-test", 1_700_000_000L, "{}");
        assertTrue(WebhookSignature.verify("secret-for-the-test", 1_700_000_000L, "{}", signature));
    }

    @Test
    void anotherSecretTimestampOrBodyDoesNotVerify() {
        String signature = WebhookSignature.sign("secret-for-the-test", 1_700_000_000L, "{\"a\":1}");
        assertFalse(WebhookSignature.verify("another-secret-value", 1_700_000_000L, "{\"a\":1}", signature));
        assertFalse(WebhookSignature.verify("secret-for-the-test", 1_700_000_001L, "{\"a\":1}", signature));
        assertFalse(WebhookSignature.verify("secret-for-the-test", 1_700_000_000L, "{\"a\":2}", signature));
        assertFalse(WebhookSignature.verify("secret-for-the-test", 1_700_000_000L, "{\"a\":1}", null));
    }
}
