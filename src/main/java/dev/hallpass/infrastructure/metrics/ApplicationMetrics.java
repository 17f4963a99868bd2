package dev.hallpass.infrastructure.metrics;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application's MetricRegistry: the server's MicroProfile Metrics registry where there is one
 * (Payara), a registry that records nothing where there is none (WildFly 28+, GlassFish).
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface ApplicationMetrics {
}
