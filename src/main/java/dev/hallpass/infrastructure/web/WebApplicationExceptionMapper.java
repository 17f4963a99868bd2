package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Problem;
import dev.hallpass.problem.Problems;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
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

    @Override
    public Response toResponse(WebApplicationException e) {
        Optional<Problem> unreadable = UnreadableBody.describe(e);
        if (unreadable.isPresent()) {
            return Problems.response(unreadable.get());
        }
        int status = e.getResponse().getStatus();
        String detail = status >= 500 ? "The server could not handle this request" : detailOf(e, status);
        Response problem = Problems.response(Problem.of(status, detail));
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String detailOf(WebApplicationException e, int status) {
        String message = e.getMessage();
        return switch (status) {
            case 404 -> message != null && !message.startsWith("HTTP ") ? message : "There is nothing at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource cannot produce the media type asked for in Accept";
            case 415 -> "This resource needs a body of another media type (application/json)";
            default -> message;
        };
    }

    /** Bodies that were not JSON, not the JSON expected, or too large. */
    static final class UnreadableBody {

        private UnreadableBody() {
        }

        static Optional<Problem> describe(Throwable e) {
            if (causedBy(e, BodyTooLarge.class) instanceof BodyTooLarge tooLarge) {
                return Optional.of(Problem.of(413, "Payload too large", tooLarge.getMessage()));
            }
            if (causedBy(e, NoContentException.class) != null) {
                return Optional.of(Problem.of(400, "Missing body", "A JSON object is required as the request body"));
            }
            if (causedBy(e, JsonbException.class) != null || causedBy(e, JsonException.class) != null) {
                return Optional.of(Problem.of(400, "Malformed JSON", "The body is not valid JSON of the expected shape"));
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
