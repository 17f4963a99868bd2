package dev.hallpass.session.boundary;

import dev.hallpass.client.ClientInfo;
import dev.hallpass.session.entity.EndReason;
import java.time.Duration;

/**
 * CDI event: a session ended (on this node), so whatever hangs off it (refresh tokens, the audit)
 * follows. {@code client} is where the session was last used from; {@code detail} says who or what
 * ended it, where that is more than the reason; {@code lasted} from its start to its end (to its expiry, for
 * a session that ran out before anyone noticed).
 */
public record SessionEnded(String handle, String username, EndReason reason, ClientInfo client, String detail,
                           Duration lasted) {
}
