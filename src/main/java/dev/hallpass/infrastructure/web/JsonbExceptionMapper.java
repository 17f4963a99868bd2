package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Problems;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON that does not bind to the expected record (wrong types, not an object). */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(JsonbException e) {
        return Problems.response(WebApplicationExceptionMapper.UnreadableBody.describe(e).orElseThrow(), headers);
    }
}
