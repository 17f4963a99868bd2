package dev.hallpass.testsupport.server;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;

/** Deployed only in tests: {@code POST api/test-support/clock?advance=PT31M} moves the server's time. */
@Path("test-support/clock")
public class ClockResource {

    @POST
    public String advance(@QueryParam("advance") String by) {
        return MovableClock.advance(Duration.parse(by)).toString();
    }
}
