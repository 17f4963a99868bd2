package dev.hallpass.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    final AllowedOrigins origins = new AllowedOrigins(List.of("https://app.example.com/"));

    @Test
    void theOriginTheRequestWasAddressedToIsAllowed() {
        assertTrue(origins.allows("http://localhost:8080", "localhost:8080"));
        assertTrue(origins.allows("https://hallpass.example.com", "hallpass.example.com"));
        assertTrue(origins.allows("HTTPS://Hallpass.Example.com:443", "hallpass.example.com"));
    }

    @Test
    void otherHostsPortsAndOpaqueOriginsAreNot() {
        assertFalse(origins.allows("https://evil.example", "hallpass.example.com"));
        assertFalse(origins.allows("http://localhost:8081", "localhost:8080"));
        assertFalse(origins.allows("https://hallpass.example.com.evil.example", "hallpass.example.com"));
        assertFalse(origins.allows("null", "localhost:8080"));
        assertFalse(origins.allows("not a url", "localhost:8080"));
        assertFalse(origins.allows("http://localhost:8080", null));
    }

    @Test
    void configuredOriginsAreAllowedWhateverTheHost() {
        assertTrue(origins.allows("https://app.example.com", "10.0.0.5:8080"));
    }
}
