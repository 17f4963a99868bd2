package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Problem;
import dev.hallpass.problem.Problems;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that could not be read or bound: the caller's fault, so a 4xx. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        return Problems.response(WebApplicationExceptionMapper.UnreadableBody.describe(e)
                .orElseGet(() -> Problem.of(400, "Unreadable request", "The request body could not be read")));
    }
}
