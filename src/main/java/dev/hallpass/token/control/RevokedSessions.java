package dev.hallpass.token.control;

/**
 * The sessions this node knows have ended lately: an access token of one is refused at once, though
 * its signature and expiry are still good. Implemented over the caches and the database by
 * {@code infrastructure.cache.RecentlyEndedSessions}.
 */
public interface RevokedSessions {

    boolean contains(String sessionHandle);
}
