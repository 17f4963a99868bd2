package dev.hallpass.protect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Switches {@link HallpassSessionMechanism} on for an application that sets
 * {@code hallpass.client.session-login=true}: the application then accepts the Hallpass session cookie with
 * no login code of its own. Off by default, so a JAX-RS service keeps its own mechanism (MicroProfile JWT).
 * It also makes sure the {@link RevocationFeed} is a bean where the server did not scan this jar (Payara
 * does not, in a WAR without a {@code beans.xml} of its own).
 */
public class SessionLoginExtension implements Extension {

    private boolean feedDiscovered;

    void register(@Observes BeforeBeanDiscovery discovery) {
        boolean on = ConfigProvider.getConfig().getOptionalValue("hallpass.client.session-login", Boolean.class).orElse(false);
        if (on) {
            discovery.addAnnotatedType(HallpassSessionMechanism.class, HallpassSessionMechanism.class.getName())
                    .add(ApplicationScoped.Literal.INSTANCE);
        }
    }

    void discovered(@Observes ProcessAnnotatedType<RevocationFeed> feed) {
        feedDiscovered = true;
    }

    void addFeedIfMissing(@Observes AfterTypeDiscovery discovery) {
        if (!feedDiscovered) {
            discovery.addAnnotatedType(RevocationFeed.class, RevocationFeed.class.getName());
        }
    }
}
