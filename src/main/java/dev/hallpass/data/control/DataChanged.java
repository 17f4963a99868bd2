package dev.hallpass.data.control;

/**
 * CDI event: a document changed on this node (after its commit). The user's event streams get it as
 * {@code data-updated}; the caches of every node drop what they held of it.
 */
public record DataChanged(DataKey key, String username, long version, String updatedBy, boolean deleted) {
}
