package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Failures the application raised on purpose, with their own status and words. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        Response response = Problems.response(new Problem("about:blank", e.title(), e.status(), e.getMessage(),
                e.fieldProblems(), e.errorCode()));
        return e.challenge() == null ? response
                : Response.fromResponse(response).header("WWW-Authenticate", e.challenge()).build();
    }
}
