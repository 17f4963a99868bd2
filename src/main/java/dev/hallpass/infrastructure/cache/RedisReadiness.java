package dev.hallpass.infrastructure.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Redis without letting it fail readiness: with Redis down the node still serves every
 * request from the database (slower), so it stays ready and says "degraded".
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    RedisSessionCache redis;

    @Inject
    SessionInvalidations invalidations;

    @Override
    public HealthCheckResponse call() {
        String state = !redis.configured() ? "not configured"
                : redis.bypassed() || !invalidations.connected() ? "degraded: serving from the database" : "up";
        return HealthCheckResponse.named("redis").up().withData("state", state).build();
    }
}
