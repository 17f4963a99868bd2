package dev.hallpass.data.boundary;

import dev.hallpass.data.control.DataChangeAnnounced;
import dev.hallpass.data.control.DataChanged;
import dev.hallpass.data.control.DataScope;
import dev.hallpass.data.control.Preconditions;
import dev.hallpass.session.push.SessionStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Every change, made here or announced by another node, as a {@code data-updated} event on this node's open
 * streams: of the session for session data (its other tabs), of every session of the user for user data.
 * The event names the document, its version and the session that changed it (the writer's own tab may skip
 * it); the content is read with {@code GET}, so nothing of a document travels where its reader is not checked.
 */
@ApplicationScoped
public class DataPush {

    public static final String EVENT = "data-updated";

    @Inject
    SessionStreams streams;

    void changed(@Observes DataChanged change) {
        push(change);
    }

    void announced(@Observes DataChangeAnnounced announced) {
        push(announced.change());
    }

    private void push(DataChanged change) {
        JsonObject data = Json.createObjectBuilder().add("scope", change.key().scope().label()).add("name", change.key().name())
                .add("version", change.version()).add("etag", Preconditions.etag(change.version()))
                .add("session", change.updatedBy() == null ? "" : change.updatedBy()).add("deleted", change.deleted()).build();
        streams.tell(change.username(), change.key().scope() == DataScope.SESSION ? change.key().owner() : null, EVENT, data);
    }
}
