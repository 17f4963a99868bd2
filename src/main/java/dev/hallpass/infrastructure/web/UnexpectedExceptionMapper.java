package dev.hallpass.infrastructure.web;

import dev.hallpass.client.RequestId;
import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug or an outage: logged in full with a reference (the request id); the caller gets only the reference. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        return Problems.response(unexpected(e), headers);
    }

    static ProblemException unexpected(Throwable e) {
        return unexpected(e, 500);
    }

    static ProblemException unexpected(Throwable e, int status) {
        String reference = RequestId.current().orElseGet(() -> UUID.randomUUID().toString());
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, e);
        return ProblemException.of(status, "internal", reference);
    }
}
