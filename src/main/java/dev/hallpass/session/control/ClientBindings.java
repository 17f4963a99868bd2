package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;
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

    /** What a request from another client does to a session (see {@link #judge}). */
    public sealed interface Verdict permits Unchanged, End, Follow {
    }

    /** The client is the session's own (or the bindings ignore what differs). */
    public record Unchanged() implements Verdict {
    }

    /** A strict binding is broken: the session ends with {@code reason}; {@code change} says what changed. */
    public record End(EndReason reason, String change) implements Verdict {
    }

    /**
     * A logged binding: the session goes on from the new client; {@code ipChange} and {@code agentChange}
     * describe what changed (null for what did not), each to be recorded.
     */
    public record Follow(String ipAddress, String userAgent, String ipChange, String agentChange) implements Verdict {
    }

    /** The verdict on a request from {@code ipAddress} with {@code userAgent} for this session; an IP change is judged first. */
    public Verdict judge(SessionState session, String ipAddress, String userAgent) {
        boolean ipChanged = this.ipAddress != ClientBinding.OFF && !ipAddress.equals(session.ipAddress());
        boolean agentChanged = this.userAgent != ClientBinding.OFF && !userAgent.equals(session.userAgent());
        if (!ipChanged && !agentChanged) {
            return new Unchanged();
        }
        String ipChange = "IP address " + session.ipAddress() + " -> " + ipAddress;
        String agentChange = "user agent '" + session.userAgent() + "' -> '" + userAgent + "'";
        if (ipChanged && this.ipAddress == ClientBinding.STRICT) {
            return new End(EndReason.IP_CHANGED, ipChange);
        }
        if (agentChanged && this.userAgent == ClientBinding.STRICT) {
            return new End(EndReason.USER_AGENT_CHANGED, agentChange);
        }
        return new Follow(ipChanged ? ipAddress : session.ipAddress(), agentChanged ? userAgent : session.userAgent(),
                ipChanged ? ipChange : null, agentChanged ? agentChange : null);
    }
}
