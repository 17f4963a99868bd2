package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.infrastructure.cache.RedisEndpoint.HostPort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void aPlainUrlWithDefaults() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://127.0.0.1");

        assertEquals(List.of(new HostPort("127.0.0.1", 6379)), endpoint.hosts());
        assertEquals(0, endpoint.database());
        assertFalse(endpoint.tls());
        assertTrue(endpoint.password().isEmpty() && endpoint.user().isEmpty() && endpoint.master().isEmpty());
    }

    @Test
    void tlsPasswordAndDatabase() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://:s%40cret@cache.internal:6380/3");

        assertEquals(List.of(new HostPort("cache.internal", 6380)), endpoint.hosts());
        assertEquals(Optional.of("s@cret"), endpoint.password());
        assertEquals(3, endpoint.database());
        assertTrue(endpoint.tls());
    }

    @Test
    void aclUserAndPassword() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://hallpass:pw@10.0.0.7:6379/0");

        assertEquals(Optional.of("hallpass"), endpoint.user());
        assertEquals(Optional.of("pw"), endpoint.password());
    }

    @Test
    void sentinelsAndTheirMaster() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis-sentinel://:pw@s1:26379,s2,s3:26380/mymaster/2");

        assertEquals(List.of(new HostPort("s1", 26379), new HostPort("s2", 26379), new HostPort("s3", 26380)), endpoint.hosts());
        assertEquals(Optional.of("mymaster"), endpoint.master());
        assertEquals(2, endpoint.database());
    }

    @Test
    void theSecretNeverAppearsInTheDescription() {
        assertFalse(RedisEndpoint.parse("redis://:topsecret@h:1").toString().contains("topsecret"));
    }

    @Test
    void malformedUrlsAreRefusedWithAReason() {
        for (String bad : new String[] {"127.0.0.1:6379", "http://h", "redis-sentinel://h:26379", "redis://h/db"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("hallpass.redis.url is not valid"), e.getMessage());
        }
    }
}
