package dev.hallpass.infrastructure.web;

import dev.hallpass.client.RequestId;
import dev.hallpass.problem.Problem;
import dev.hallpass.problem.Problems;
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

    @Override
    public Response toResponse(Throwable e) {
        return Problems.response(unexpected(e));
    }

    static Problem unexpected(Throwable e) {
        String reference = RequestId.current().orElseGet(() -> UUID.randomUUID().toString());
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, e);
        return Problem.of(500, "Internal error", "The server failed; quote reference " + reference);
    }
}
