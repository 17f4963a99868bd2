package dev.hallpass.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Produces {@link ApplicationMetrics @ApplicationMetrics} {@link MetricRegistry}: the server's, or a no-op one. */
@ApplicationScoped
public class MetricRegistries {

    private static final Logger LOG = Logger.getLogger(MetricRegistries.class.getName());

    @Inject
    Instance<MetricRegistry> server;

    private MetricRegistry registry;

    @PostConstruct
    void find() {
        if (server.isResolvable()) {
            registry = server.get();
        } else {
            LOG.warning("This server provides no MicroProfile Metrics: Hallpass's metrics are not recorded");
            registry = NoMetrics.registry();
        }
    }

    @Produces
    @ApplicationMetrics
    MetricRegistry registry() {
        return registry;
    }
}
