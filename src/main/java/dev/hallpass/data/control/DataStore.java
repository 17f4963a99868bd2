package dev.hallpass.data.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to stored documents; the database is the truth, caches only in front of it. */
public interface DataStore {

    /** The document, deleted ones included (their version counts); empty if there never was one. */
    Optional<DataDocument> find(DataKey key);

    /** The document as the database has it now (for a write: caches may lag a change another node made). */
    Optional<DataDocument> findLatest(DataKey key);

    /** The documents of one owner that are not deleted, by name, straight from the database. */
    List<DataDocument> list(DataScope scope, String owner);

    /** What a write did. */
    enum Written { WRITTEN, CHANGED_MEANWHILE, OWNER_GONE }

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion} (0: no row yet), with the
     * owner (the session row, or the account row) locked: a write never lands after its session ended or its
     * account was erased ({@code OWNER_GONE}), and writes of one owner take turns. {@code CHANGED_MEANWHILE}:
     * another write came first, nothing changed, the caller decides (412 or retry). A new live document past
     * {@code maxDocuments} of the owner: {@link DocumentLimitReached}.
     */
    Written write(DataDocument next, long expectedVersion, int maxDocuments);

    /** Changes committed since {@code since} (the nodes' catch-up when a message was lost), oldest first. */
    List<DataChanged> changedSince(Instant since);

    /**
     * Erases the user's documents (the account is being erased, in its transaction): their content goes now;
     * each stays as a deleted row, so the erasure is a change like any other for every node's caches, until the
     * cleanup removes it after {@code hallpass.data.tombstone-retention}. Returns the changes it made.
     */
    List<DataChanged> eraseUser(String username, Instant at);
}
