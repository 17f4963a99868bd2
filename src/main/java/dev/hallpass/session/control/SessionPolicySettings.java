package dev.hallpass.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the session limits, client bindings and node name once; a bad value fails the deployment with a clear message. */
@ApplicationScoped
public class SessionPolicySettings {

    @Produces
    @Singleton
    SessionLimits limits(
            @ConfigProperty(name = "hallpass.session.max-per-user", defaultValue = "5") int maxPerUser,
            @ConfigProperty(name = "hallpass.session.max-per-ip", defaultValue = "0") int maxPerIp,
            @ConfigProperty(name = "hallpass.session.limit-policy", defaultValue = "evict-oldest") String policy) {
        return new SessionLimits(maxPerUser, maxPerIp, SessionLimits.Policy.parse(policy));
    }

    @Produces
    @Singleton
    ClientBindings bindings(
            @ConfigProperty(name = "hallpass.session.ip-binding", defaultValue = "log") String ip,
            @ConfigProperty(name = "hallpass.session.user-agent-binding", defaultValue = "log") String userAgent) {
        return new ClientBindings(ClientBinding.parse(ip, "hallpass.session.ip-binding"),
                ClientBinding.parse(userAgent, "hallpass.session.user-agent-binding"));
    }

    @Produces
    @Singleton
    SecretRotation secretRotation(
            @ConfigProperty(name = "hallpass.session.secret-rotation", defaultValue = "PT1H") Duration standard,
            @ConfigProperty(name = "hallpass.session.secret-rotation-remember-me", defaultValue = "P1D") Duration rememberMe,
            @ConfigProperty(name = "hallpass.session.secret-rotation-overlap", defaultValue = "PT30S") Duration overlap) {
        return new SecretRotation(standard, rememberMe, overlap);
    }

    @Produces
    @Singleton
    NodeName node(@ConfigProperty(name = "hallpass.node.name", defaultValue = " ") String name) {
        return NodeName.configured(name);
    }
}
