package dev.hallpass.audit.control;

import java.time.Instant;

/** The networks each user has logged in from; implemented with JPA in infrastructure. */
public interface KnownNetworkRepository {

    /**
     * Records a login from {@code network}; true if it is the first from there (two nodes racing on the
     * same new network: only one of them gets true).
     */
    boolean remember(String username, String network, Instant at);

    /** Whether the user has logged in from any network before. */
    boolean anyFor(String username);
}
