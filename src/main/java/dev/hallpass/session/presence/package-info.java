/**
 * Online presence (issue 18, part 3): who is online now and when each user was last seen, from the
 * sessions' last-seen times (the existing touch batching: no write per request) and the open event streams
 * of every node (reported to Redis every few seconds); {@code presence-changed} events for those who watch.
 */
package dev.hallpass.session.presence;
