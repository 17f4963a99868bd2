package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that could not be read or bound: the caller's fault, so a 4xx. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProcessingException e) {
        return Problems.response(WebApplicationExceptionMapper.UnreadableBody.describe(e)
                .orElseGet(() -> ProblemException.of(400, "unreadable")), headers);
    }
}
