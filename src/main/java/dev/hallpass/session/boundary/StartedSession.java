package dev.hallpass.session.boundary;

/** A new session and the secret that goes into its cookie; the secret exists nowhere else. */
public record StartedSession(String secret, ActiveSession session) {

    @Override
    public String toString() {
        return "StartedSession[session=" + session + "]";
    }
}
