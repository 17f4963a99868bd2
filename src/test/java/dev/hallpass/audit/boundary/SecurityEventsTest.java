package dev.hallpass.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SecurityEventsTest {

    /** Review L5: a user agent with CR, LF or ESC cannot forge a log line or drive a terminal. */
    @Test
    void controlCharactersAreEscapedInLogLinesOnly() {
        assertEquals("a\\u000d\\u000asecurity-event type=FAKE", SecurityEvents.loggable("a\r\nsecurity-event type=FAKE"));
        assertEquals("x\\u001b[2Jy\\u2028z", SecurityEvents.loggable("x\u001b[2Jy\u2028z"));
        String plain = "Mozilla/5.0 (X11; Linux x86_64) — ünïcode is fine";
        assertSame(plain, SecurityEvents.loggable(plain));
        assertNull(SecurityEvents.loggable(null));
    }
}
