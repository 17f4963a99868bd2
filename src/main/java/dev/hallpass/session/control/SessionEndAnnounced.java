package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;

/**
 * CDI event: some node (this one included) announced on the shared channel that a session ended, and
 * why. What a node holds for that session (open event streams) follows; the node that ended it has
 * already had the richer {@code SessionEnded}.
 */
public record SessionEndAnnounced(String handle, EndReason reason) {
}
