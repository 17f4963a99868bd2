package dev.hallpass.session.control;

import java.util.Objects;

/** How tightly a session is bound to the IP address and the user agent it was started from. */
public record ClientBindings(ClientBinding ipAddress, ClientBinding userAgent) {

    public ClientBindings {
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public static final ClientBindings OFF = new ClientBindings(ClientBinding.OFF, ClientBinding.OFF);

    public boolean any() {
        return ipAddress != ClientBinding.OFF || userAgent != ClientBinding.OFF;
    }
}
