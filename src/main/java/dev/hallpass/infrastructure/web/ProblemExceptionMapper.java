package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Failures the application raised on purpose, with their own status and words (in the caller's language). */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException e) {
        Response response = Problems.response(e, headers);
        if (e.challenge() == null && e.retryAfterSeconds() == null) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        if (e.challenge() != null) {
            withHeaders.header("WWW-Authenticate", e.challenge());
        }
        if (e.retryAfterSeconds() != null) {
            withHeaders.header("Retry-After", e.retryAfterSeconds());
        }
        return withHeaders.build();
    }
}
