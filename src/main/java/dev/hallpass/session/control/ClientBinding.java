package dev.hallpass.session.control;

import java.util.Locale;

/** What a request from another IP address (or user agent) than the session's does to it. */
public enum ClientBinding {
    /** Nothing. */
    OFF,
    /** The session goes on, follows the new value, and a security event is recorded. */
    LOG,
    /** The session ends (and a security event is recorded); the request goes on anonymously. */
    STRICT;

    public static ClientBinding parse(String value, String setting) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be off, log or strict, was " + value, e);
        }
    }
}
