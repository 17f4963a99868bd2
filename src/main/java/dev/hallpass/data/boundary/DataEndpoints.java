package dev.hallpass.data.boundary;

import dev.hallpass.data.control.DataDocument;
import dev.hallpass.data.control.DataKey;
import dev.hallpass.data.control.DataRules;
import dev.hallpass.data.control.DataScope;
import dev.hallpass.data.control.Preconditions;
import dev.hallpass.session.boundary.CurrentSession;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The HTTP face of one scope's documents, the same for {@code /api/sessions/current/data} and
 * {@code /api/me/data}, for a cookie session or a bearer token alike: {@code GET} (with {@code ETag}),
 * {@code PUT} (a replacement needs {@code If-Match}: 428 without, 412 on a lost update; {@code If-None-Match: *}
 * creates only), {@code PATCH} with a JSON Merge Patch ({@code If-Match} optional), {@code DELETE}; the bare path lists names.
 */
@Vetoed // not a bean itself (abstract): only its two resources are, else Jersey warns at every start
public abstract class DataEndpoints {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    SharedData data;

    @Inject
    CurrentSession current;

    abstract DataScope scope();

    /** The session handle or the username whose documents these are. */
    abstract String owner();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject list() {
        return listing(data.list(scope(), owner()), false);
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("name") String name) {
        DataDocument document = data.get(key(name));
        return Response.ok(document.json(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, document.etag()).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, String body) {
        return answer(data.put(key(name), current.requireUsername(), current.handle().orElse(null), body,
                new Preconditions(ifMatch, ifNoneMatch)));
    }

    @PATCH
    @Path("{name}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, String body) {
        return answer(data.patch(key(name), current.requireUsername(), current.handle().orElse(null), body,
                new Preconditions(ifMatch, ifNoneMatch)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        data.delete(key(name), current.requireUsername(), current.handle().orElse(null), new Preconditions(ifMatch, null));
        return Response.noContent().build();
    }

    private DataKey key(String name) {
        return data.key(scope(), owner(), name);
    }

    private static Response answer(SharedData.Written written) {
        DataDocument document = written.document();
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(document.json()).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, document.etag()).build();
    }

    /** {@code {"documents": [{"name", "version", "etag", "updatedAt", "updatedBy", "data"?}]}}, by name. */
    static JsonObject listing(List<DataDocument> documents, boolean withContent) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (DataDocument document : documents) {
            JsonObjectBuilder row = Json.createObjectBuilder().add("name", document.key().name()).add("version", document.version())
                    .add("etag", document.etag()).add("updatedAt", document.updatedAt().toString())
                    .add("updatedBy", document.updatedBy() == null ? "" : document.updatedBy());
            if (withContent) {
                row.add("data", DataRules.parse(document.json(), "document"));
            }
            rows.add(row);
        }
        return Json.createObjectBuilder().add("documents", rows).build();
    }
}
