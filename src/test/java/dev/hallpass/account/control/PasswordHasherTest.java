package dev.hallpass.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.problem.Busy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theHashCarriesItsParametersAndVerifiesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery staple");

        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), hash);
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void aHashMadeWithOtherIterationsStillVerifiesAndAsksForARehash() {
        String old = new PasswordHasher(500).hash("a password to keep");

        assertTrue(hasher.verify("a password to keep", old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("a password to keep")));
    }

    @Test
    void theDefaultCostIsOwaspsMinimum() throws NoSuchMethodException {
        var parameter = PasswordHasher.class.getConstructor(int.class, int.class, java.time.Duration.class).getParameters()[0];
        var setting = parameter.getAnnotation(org.eclipse.microprofile.config.inject.ConfigProperty.class);

        assertTrue(Integer.parseInt(setting.defaultValue()) >= 600_000, setting.defaultValue());
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String broken : new String[] {"", "plain", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$1000$!!$!!", "md5$1$a$b"}) {
            assertFalse(hasher.verify("anything", broken), broken);
        }
    }

    @Test
    void aNonPositiveCostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }

    /** Review M4/L7: a node computes at most max-concurrent hashes at once; a check that waits too long is a 503. */
    @Test
    void aHashThatCannotGetATurnInTimeIsRefusedAsBusy() throws Exception {
        PasswordHasher oneAtATime = new PasswordHasher(2_000_000, 1, Duration.ofMillis(50));
        Thread slow = new Thread(() -> oneAtATime.hash("takes a second or more"));
        slow.start();
        Thread.sleep(300); // the slow hash holds the only turn by now
        Busy busy = assertThrows(Busy.class, () -> oneAtATime.verifyNothing("waits"));
        assertEquals(503, busy.status());
        slow.join();
        oneAtATime.verifyNothing("the turn came back: no Busy now");
    }
}
