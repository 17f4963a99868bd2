package dev.hallpass.session.boundary;

/** Where a request came from, as far as the server can tell; kept with the session. */
public record ClientInfo(String ipAddress, String userAgent) {

    static final int MAX_USER_AGENT = 512;

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
