package dev.hallpass.client;

/**
 * Where a request came from, as far as the server can tell (the client IP after trusted proxies, the
 * user agent); kept with sessions and security events. Never null: unknown is the empty string.
 */
public record ClientInfo(String ipAddress, String userAgent) {

    public static final int MAX_USER_AGENT = 512;
    public static final ClientInfo UNKNOWN = new ClientInfo("", "");

    public ClientInfo {
        ipAddress = ipAddress == null ? "" : ipAddress;
        userAgent = userAgent == null ? "" : userAgent;
        if (userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
