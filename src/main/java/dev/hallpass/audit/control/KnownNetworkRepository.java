package dev.hallpass.audit.control;

import java.time.Instant;

/** The networks each user has logged in from; implemented with JPA in infrastructure. */
public interface KnownNetworkRepository {

    /** What a login's network was to the user. */
    enum Sighting { FIRST_LOGIN_EVER, NEW_NETWORK, KNOWN_NETWORK }

    /**
     * Records a login from {@code network}, in one transaction: whether the user had logged in before
     * and from there. Two nodes racing on the same new network: only one of them sees it new.
     */
    Sighting remember(String username, String network, Instant at);
}
