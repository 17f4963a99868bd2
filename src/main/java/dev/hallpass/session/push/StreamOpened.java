package dev.hallpass.session.push;

/** CDI event: a user opened an event stream on this node (presence hears it at once, not at its next pass). */
public record StreamOpened(String username) {
}
