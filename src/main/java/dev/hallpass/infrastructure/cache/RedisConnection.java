package dev.hallpass.infrastructure.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The pooled Jedis client for {@code hallpass.redis.url}, or none when it is unset (one node, no
 * Redis). Connections are made lazily, so a Redis that is down at start-up only means a cold cache.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "hallpass.redis.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "hallpass.redis.timeout", defaultValue = "PT0.25S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "hallpass.redis.pool-size", defaultValue = "32")
    int poolSize;

    private UnifiedJedis client;

    @PostConstruct
    void connect() {
        url.filter(u -> !u.isBlank()).map(RedisEndpoint::parse).ifPresent(endpoint -> {
            client = build(endpoint);
            LOG.info(() -> "Session cache in Redis at " + endpoint);
        });
    }

    private UnifiedJedis build(RedisEndpoint endpoint) {
        int millis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis).socketTimeoutMillis(millis).database(endpoint.database())
                .ssl(endpoint.tls()).clientName("hallpass");
        endpoint.user().ifPresent(config::user);
        endpoint.password().ifPresent(config::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMaxWait(timeout);
        JedisClientConfig clientConfig = config.build();
        if (endpoint.master().isPresent()) {
            Set<HostAndPort> sentinels = new HashSet<>();
            endpoint.hosts().forEach(h -> sentinels.add(new HostAndPort(h.host(), h.port())));
            return RedisSentinelClient.builder().masterName(endpoint.master().get()).sentinels(sentinels)
                    .clientConfig(clientConfig).sentinelClientConfig(clientConfig).poolConfig(pool).build();
        }
        RedisEndpoint.HostPort host = endpoint.hosts().get(0);
        return RedisClient.builder().hostAndPort(host.host(), host.port()).clientConfig(clientConfig).poolConfig(pool).build();
    }

    public Optional<UnifiedJedis> client() {
        return Optional.ofNullable(client);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
