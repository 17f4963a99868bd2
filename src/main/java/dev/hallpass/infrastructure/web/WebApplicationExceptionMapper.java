package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * JAX-RS's own errors (404, 405, 406, 415, and 400 for a body it could not read) as problems, keeping
 * their headers (such as {@code Allow}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        Optional<ProblemException> unreadable = UnreadableBody.describe(e);
        if (unreadable.isPresent()) {
            return Problems.response(unreadable.get(), headers);
        }
        int status = e.getResponse().getStatus();
        ProblemException described = status >= 500 ? ProblemException.ofStatus(status, "detail.server-failed")
                : describe(e, status);
        Response problem = Problems.response(described, headers);
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** JAX-RS's own words ("HTTP 404 Not Found") are replaced; a message a resource chose is kept as it is. */
    private static ProblemException describe(WebApplicationException e, int status) {
        String message = e.getMessage();
        boolean chosen = message != null && !message.startsWith("HTTP ");
        return switch (status) {
            case 404 -> chosen ? ProblemException.ofStatus(404, "detail.given", message)
                    : ProblemException.ofStatus(404, "detail.nothing-here");
            case 405 -> ProblemException.ofStatus(405, "detail.method-not-allowed");
            case 406 -> ProblemException.ofStatus(406, "detail.not-acceptable");
            case 415 -> ProblemException.ofStatus(415, "detail.unsupported-media-type");
            default -> ProblemException.ofStatus(status, message == null ? null : "detail.given", message);
        };
    }

    /** Bodies that were not JSON, not the JSON expected, or too large. */
    static final class UnreadableBody {

        private UnreadableBody() {
        }

        static Optional<ProblemException> describe(Throwable e) {
            if (causedBy(e, BodyTooLarge.class) instanceof BodyTooLarge tooLarge) {
                return Optional.of(tooLarge.problem());
            }
            if (causedBy(e, NoContentException.class) != null) {
                return Optional.of(ProblemException.of(400, "missing-body"));
            }
            if (causedBy(e, JsonbException.class) != null || causedBy(e, JsonException.class) != null) {
                return Optional.of(ProblemException.of(400, "malformed-json"));
            }
            return Optional.empty();
        }

        private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
            return null;
        }
    }
}
