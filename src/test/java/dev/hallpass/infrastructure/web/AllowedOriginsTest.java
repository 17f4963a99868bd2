package dev.hallpass.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    final AllowedOrigins origins = new AllowedOrigins(List.of("https://app.example.com/"));

    @Test
    void theOriginTheRequestWasAddressedToIsAllowed() {
        assertTrue(origins.allows("http://localhost:8080", "localhost:8080", false));
        assertTrue(origins.allows("https://hallpass.example.com", "hallpass.example.com", false));
        assertTrue(origins.allows("HTTPS://Hallpass.Example.com:443", "hallpass.example.com", false));
    }

    @Test
    void otherHostsPortsAndOpaqueOriginsAreNot() {
        assertFalse(origins.allows("https://evil.example", "hallpass.example.com", false));
        assertFalse(origins.allows("http://localhost:8081", "localhost:8080", false));
        assertFalse(origins.allows("https://hallpass.example.com.evil.example", "hallpass.example.com", false));
        assertFalse(origins.allows("null", "localhost:8080", false));
        assertFalse(origins.allows("not a url", "localhost:8080", false));
        assertFalse(origins.allows("http://localhost:8080", null, false));
    }

    @Test
    void configuredOriginsAreAllowedWhateverTheHost() {
        assertTrue(origins.allows("https://app.example.com", "10.0.0.5:8080", false));
    }

    @Test
    void overTlsThePlainHttpPageOfTheSameHostIsAnotherOrigin() {
        assertFalse(origins.allows("http://hallpass.example.com:443", "hallpass.example.com", true), "review L1");
        assertFalse(origins.allows("http://hallpass.example.com", "hallpass.example.com:80", true));
        assertTrue(origins.allows("https://hallpass.example.com", "hallpass.example.com", true));
        assertFalse(origins.allows("ftp://hallpass.example.com", "hallpass.example.com", false));
    }
}
