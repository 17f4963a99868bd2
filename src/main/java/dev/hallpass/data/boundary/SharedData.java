package dev.hallpass.data.boundary;

import dev.hallpass.data.control.DataChanged;
import dev.hallpass.data.control.DataDocument;
import dev.hallpass.data.control.DataKey;
import dev.hallpass.data.control.DataRules;
import dev.hallpass.data.control.DataScope;
import dev.hallpass.data.control.DataStore;
import dev.hallpass.data.control.PreconditionFailed;
import dev.hallpass.data.control.Preconditions;
import dev.hallpass.problem.Conflict;
import dev.hallpass.problem.NotFound;
import dev.hallpass.problem.Unauthenticated;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Session data and per-user data: read through the caches, written to the database with a version check
 * (never a silent overwrite), each change announced after its commit as {@link DataChanged} (to this node's
 * event streams and, through the caches' relay, to every other node).
 */
@ApplicationScoped
public class SharedData {

    /** How often a PATCH or DELETE without If-Match is tried again when another write came first. */
    private static final int ATTEMPTS = 5;

    /** A write's result: the stored document and whether it is new (201) or replaced one (200). */
    public record Written(DataDocument document, boolean created) {
    }

    @Inject
    DataStore store;

    @Inject
    Clock clock;

    @Inject
    Event<DataChanged> changes;

    @Inject
    @ConfigProperty(name = "hallpass.data.max-bytes", defaultValue = "16384")
    int maxBytes;

    @Inject
    @ConfigProperty(name = "hallpass.data.max-documents", defaultValue = "32")
    int maxDocuments;

    private DataRules rules;

    @PostConstruct
    void init() {
        rules = new DataRules(maxBytes, maxDocuments);
    }

    public DataKey key(DataScope scope, String owner, String name) {
        return new DataKey(scope, owner, rules.name(name));
    }

    /** The live document, or 404. */
    public DataDocument get(DataKey key) {
        return store.find(key).filter(document -> !document.deleted()).orElseThrow(() -> notFound(key));
    }

    /** The live documents of a session or user, by name, from the database (the console, listings). */
    public List<DataDocument> list(DataScope scope, String owner) {
        return store.list(scope, owner);
    }

    /** Replaces (or creates) the document; replacing needs {@code If-Match}. */
    public Written put(DataKey key, String username, String bySession, String body, Preconditions preconditions) {
        String json = rules.document(body).toString();
        Optional<DataDocument> current = store.findLatest(key);
        preconditions.check(current, true);
        return write(key, username, bySession, current, json, preconditions)
                .orElseThrow(() -> PreconditionFailed.changed(store.findLatest(key).filter(d -> !d.deleted()).map(DataDocument::etag).orElse(null)));
    }

    /**
     * Applies a JSON Merge Patch to the current version (an absent document patches {@code {}}). Without
     * {@code If-Match} a write that came first is not an error: the patch is applied again to its result.
     */
    public Written patch(DataKey key, String username, String bySession, String body, Preconditions preconditions) {
        rules.document(body); // refuse a bad patch before reading anything
        return retried(key, preconditions, current -> {
            JsonValue target = current.filter(d -> !d.deleted()).map(d -> DataRules.parse(d.json(), "document")).orElse(null);
            return write(key, username, bySession, current, rules.merge(target, body).toString(), preconditions);
        });
    }

    /** Deletes the document (404 if there is none); {@code If-Match} optional. */
    public void delete(DataKey key, String username, String bySession, Preconditions preconditions) {
        retried(key, preconditions, current -> {
            if (current.filter(d -> !d.deleted()).isEmpty()) {
                throw notFound(key);
            }
            return write(key, username, bySession, current, null, preconditions);
        });
    }

    private Written retried(DataKey key, Preconditions preconditions, Function<Optional<DataDocument>, Optional<Written>> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<DataDocument> current = store.findLatest(key);
            preconditions.check(current, false);
            Optional<Written> written = attempt.apply(current);
            if (written.isPresent()) {
                return written.get();
            }
            if (preconditions.hasIfMatch()) {
                throw PreconditionFailed.changed(store.findLatest(key).filter(d -> !d.deleted()).map(DataDocument::etag).orElse(null));
            }
        }
        throw new Conflict("data.busy");
    }

    /** One conditional write of {@code json} (null: delete); empty if another write came first. */
    private Optional<Written> write(DataKey key, String username, String bySession, Optional<DataDocument> current,
            String json, Preconditions preconditions) {
        long expected = current.map(DataDocument::version).orElse(0L);
        DataDocument next = new DataDocument(key, username, json, expected + 1, clock.instant(), bySession, json == null);
        switch (store.write(next, expected, maxDocuments)) {
            case WRITTEN -> {
                changes.fire(next.change());
                return Optional.of(new Written(next, current.filter(d -> !d.deleted()).isEmpty()));
            }
            case OWNER_GONE -> throw new Unauthenticated();
            default -> {
                return Optional.empty();
            }
        }
    }

    private static NotFound notFound(DataKey key) {
        return new NotFound("not-found.data", key.name());
    }
}
