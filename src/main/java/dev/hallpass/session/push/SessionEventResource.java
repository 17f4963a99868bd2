package dev.hallpass.session.push;

import dev.hallpass.language.Languages;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.web.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/events}: the Server-Sent Events stream of the caller's cookie session —
 * {@code ready}, then {@code session-expiring} ahead of an expiry and {@code session-ended} (with the
 * reason) when the session ends anywhere, after which the stream closes. Their sentences are in the
 * language this request's {@code Accept-Language} chooses; reasons and kinds are the same in every language.
 */
@ApplicationScoped
@Path("events")
@Authenticated
public class SessionEventResource {

    @Inject
    SessionStreams streams;

    @Inject
    CurrentSession current;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @Context HttpHeaders headers) {
        streams.open(current.require(), sink, sse, Languages.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }
}
