package dev.hallpass.session.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this node, recorded with each login it takes and shown in the console
 * ({@code hallpass.node.name}; by default host name and process id, unique on one machine too).
 */
public record NodeName(String value) {

    public NodeName {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("hallpass.node.name must be 1 to 64 characters");
        }
    }

    static NodeName configured(String configured) {
        return new NodeName(configured.isBlank() ? hostName() + ":" + ProcessHandle.current().pid() : configured.strip());
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 40 ? host.substring(0, 40) : host;
        } catch (UnknownHostException unresolvable) {
            return "node";
        }
    }
}
