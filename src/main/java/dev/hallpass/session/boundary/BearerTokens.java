package dev.hallpass.session.boundary;

import java.util.Optional;

/**
 * The port through which the authentication mechanism checks a bearer access token; the token feature
 * implements it (tokens hang off sessions, so the session side never imports token code).
 */
public interface BearerTokens {

    /** The caller if the token is one of ours, valid now, and its session has not ended; empty otherwise. */
    Optional<BearerCaller> verify(String token);
}
