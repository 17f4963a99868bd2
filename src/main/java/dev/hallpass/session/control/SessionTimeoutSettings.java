package dev.hallpass.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the timeout settings once; a bad combination fails the deployment with a clear message. */
@ApplicationScoped
public class SessionTimeoutSettings {

    /** A record cannot be proxied, and need not be: it never changes. */
    @Produces
    @Singleton
    SessionTimeoutPolicy policy(
            @ConfigProperty(name = "hallpass.session.idle-timeout", defaultValue = "PT30M") Duration idle,
            @ConfigProperty(name = "hallpass.session.absolute-timeout", defaultValue = "PT12H") Duration absolute,
            @ConfigProperty(name = "hallpass.session.touch-interval", defaultValue = "PT1M") Duration touch,
            @ConfigProperty(name = "hallpass.session.remember-me.idle-timeout", defaultValue = "P30D") Duration rememberIdle,
            @ConfigProperty(name = "hallpass.session.remember-me.absolute-timeout", defaultValue = "P90D") Duration rememberAbsolute,
            @ConfigProperty(name = "hallpass.session.admin.idle-timeout", defaultValue = "PT15M") Duration adminIdle) {
        return new SessionTimeoutPolicy(
                new SessionTimeouts(idle, absolute, touch),
                new SessionTimeouts(rememberIdle, rememberAbsolute, touch),
                adminIdle);
    }
}
