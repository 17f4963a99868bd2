package dev.hallpass.session.boundary;

import dev.hallpass.session.entity.EndReason;

/** CDI event: a session ended (on this node), so whatever hangs off it (refresh tokens) ends too. */
public record SessionEnded(String handle, String username, EndReason reason) {
}
