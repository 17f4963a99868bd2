package dev.hallpass.audit.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.audit.control.KnownNetworkRepository;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.client.IpAddresses;
import dev.hallpass.client.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signals that are not failures but deserve a look, each raised as its own security event:
 * a login from a network (IPv4 /24, IPv6 /48) the user never logged in from before (not for the very
 * first login), and a refresh storm, more refreshes of one token family within the window than
 * {@code hallpass.anomaly.refresh-storm.max} (counted across nodes, reported once per window).
 */
@ApplicationScoped
public class Anomalies {

    private static final Logger LOG = Logger.getLogger(Anomalies.class.getName());

    @Inject
    KnownNetworkRepository knownNetworks;

    @Inject
    SecurityEvents events;

    @Inject
    RateLimiter rateLimits;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "hallpass.anomaly.refresh-storm.max", defaultValue = "10")
    int stormMax;

    @Inject
    @ConfigProperty(name = "hallpass.anomaly.refresh-storm.window", defaultValue = "PT1M")
    Duration stormWindow;

    private RateLimiter.Limit storm;
    private Cache<String, Boolean> stormReported;

    @PostConstruct
    void readSettings() {
        storm = new RateLimiter.Limit("refresh-family", stormMax, stormWindow);
        stormReported = Caffeine.newBuilder().expireAfterWrite(stormWindow).maximumSize(10_000).build();
    }

    /** Checks, off the request path, whether this login came from a network new to the user. */
    public void loggedIn(String username, String sessionHandle, ClientInfo client) {
        try {
            executor.execute(() -> checkNetwork(username, sessionHandle, client));
        } catch (RejectedExecutionException busy) {
            LOG.fine("Executor busy: skipped the new-network check of one login");
        }
    }

    private void checkNetwork(String username, String sessionHandle, ClientInfo client) {
        IpAddresses.network(client.ipAddress()).ifPresent(network -> {
            try {
                if (knownNetworks.remember(username, network, clock.instant()) == KnownNetworkRepository.Sighting.NEW_NETWORK) {
                    events.record(SecurityEvent.Type.NEW_NETWORK, username, sessionHandle, client,
                            "first login from network " + network);
                }
            } catch (RuntimeException raceOrOutage) {
                // a racing login recorded the same network first (expected), or the database failed
                LOG.log(Level.FINE, "New-network check of " + username + " skipped", raceOrOutage);
            }
        });
    }

    /** Counts one refresh of the family; past the limit, reports a storm (once per window and family). */
    public void refreshed(String familyId, String username, String sessionHandle, ClientInfo client) {
        if (!rateLimits.tryTake(storm, familyId).isZero()
                && stormReported.asMap().putIfAbsent(familyId, Boolean.TRUE) == null) {
            events.record(SecurityEvent.Type.REFRESH_STORM, username, sessionHandle, client,
                    "more than " + stormMax + " refreshes of token family " + familyId + " within " + stormWindow);
        }
    }
}
