package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;

/** A session that a store operation ended on the way, and why (an expiry found, or an eviction). */
public record EndedToMakeRoom(SessionState session, EndReason reason) {
}
