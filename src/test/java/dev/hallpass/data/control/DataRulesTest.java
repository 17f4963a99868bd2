package dev.hallpass.data.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hallpass.problem.InvalidInput;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class DataRulesTest {

    final DataRules rules = new DataRules(64, 3);

    @Test
    void namesAreShortAndPlain() {
        assertEquals("cart.v2_x-1", rules.name("cart.v2_x-1"));
        for (String bad : new String[] {null, "", ".hidden", "a b", "../x", "é", "x".repeat(65)}) {
            assertThrows(InvalidInput.class, () -> rules.name(bad), String.valueOf(bad));
        }
    }

    @Test
    void aDocumentIsOneJsonValueWithinTheSizeInUtf8Bytes() {
        assertEquals("{\"a\":[1,2]}", rules.document(" { \"a\" : [1, 2] } ").toString());
        assertEquals(JsonValue.TRUE, rules.document("true"));
        assertThrows(InvalidInput.class, () -> rules.document("{\"a\": "));
        assertThrows(InvalidInput.class, () -> rules.document("  "));
        assertThrows(InvalidInput.class, () -> rules.document("{} {}"));
        assertEquals(413, assertThrows(DocumentTooLarge.class, () -> rules.document("\"" + "中".repeat(21) + "\"")).status(),
                "21 characters but 65 bytes");
    }

    @Test
    void aMergePatchFollowsRfc7396AndItsResultIsSizeChecked() {
        JsonValue cart = rules.document("{\"items\": [1], \"coupon\": \"X\"}");
        assertEquals("{\"items\":[1,2]}", rules.merge(cart, "{\"coupon\": null, \"items\": [1, 2]}").toString());
        assertEquals("{\"a\":1}", rules.merge(null, "{\"a\": 1}").toString(), "a missing document patches {}");
        assertThrows(DocumentTooLarge.class, () -> rules.merge(cart, "{\"more\": \"" + "x".repeat(40) + "\"}"));
    }

    @Test
    void limitsMustBeSane() {
        assertThrows(IllegalArgumentException.class, () -> new DataRules(1, 3));
        assertThrows(IllegalArgumentException.class, () -> new DataRules(DataRules.MAX_BYTES + 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new DataRules(64, 0));
    }
}
