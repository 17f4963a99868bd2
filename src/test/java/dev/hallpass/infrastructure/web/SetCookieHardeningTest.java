package dev.hallpass.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hallpass.web.SameSite;
import org.junit.jupiter.api.Test;

class SetCookieHardeningTest {

    @Test
    void missingAttributesAreAdded() {
        assertEquals("a=1; Path=/; Secure; HttpOnly; SameSite=Lax", SetCookieHardening.harden("a=1; Path=/", "Lax"));
    }

    @Test
    void presentAttributesAreKeptAsTheyAre() {
        String complete = "a=1; secure; HTTPONLY; samesite=Strict";
        assertEquals(complete, SetCookieHardening.harden(complete, "Lax"));
    }

    @Test
    void aValueThatMerelyContainsTheWordsIsStillHardened() {
        assertEquals("secure=httponly; Secure; HttpOnly; SameSite=None", SetCookieHardening.harden("secure=httponly", "None"));
    }
}
