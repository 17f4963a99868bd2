package dev.hallpass.token.boundary;

import dev.hallpass.session.boundary.BearerCaller;
import dev.hallpass.session.boundary.BearerTokens;
import dev.hallpass.token.control.RevokedSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The session side's bearer check: a valid access token whose session has not ended. */
@ApplicationScoped
public class BearerVerification implements BearerTokens {

    @Inject
    AccessTokens accessTokens;

    @Inject
    RevokedSessions revoked;

    @Override
    public Optional<BearerCaller> verify(String token) {
        return accessTokens.verify(token).filter(valid -> !revoked.contains(valid.sessionHandle()))
                .map(valid -> new BearerCaller(valid.username(), valid.roles(), valid.sessionHandle()));
    }
}
