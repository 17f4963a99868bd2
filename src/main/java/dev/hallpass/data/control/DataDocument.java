package dev.hallpass.data.control;

import java.time.Instant;

/**
 * One stored document. {@code owner} is the session handle (scope SESSION) or the username (USER);
 * {@code username} is always the user's. A deleted document stays as a row without content
 * ({@code deleted}) so its version keeps counting: an old {@code ETag} never matches a later document of
 * the same name. {@code updatedBy} is the handle of the session that wrote it last.
 */
public record DataDocument(DataKey key, String username, String json, long version, Instant updatedAt, String updatedBy,
        boolean deleted) {

    /** The strong entity tag of this version: {@code "7"}. */
    public String etag() {
        return Preconditions.etag(version);
    }

    /** The change this version was, as the events announce it. */
    public DataChanged change() {
        return new DataChanged(key, username, version, updatedBy, deleted);
    }
}
