package dev.hallpass.session.control;

import dev.hallpass.problem.Parameters;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which sessions the console lists: every part optional. {@code username} is exact (canonical),
 * {@code ipPrefix} matches the start of the address, {@code device} any part of the device label
 * (case-insensitive); {@code state} is whether the session is live or how it ended.
 */
public record SessionFilter(Optional<String> username, Optional<String> ipPrefix, Optional<String> device, State state) {

    /** What the session is now. A session that ran out without being ended counts as {@link #EXPIRED}. */
    public enum State { LIVE, LOGGED_OUT, EXPIRED, REPLACED, REVOKED, ANY }

    public static final SessionFilter LIVE = new SessionFilter(Optional.empty(), Optional.empty(), Optional.empty(), State.LIVE);

    /** What device labels are made of ({@code Device#label}): letters, digits, spaces and dots. */
    private static final Pattern DEVICE = Pattern.compile("[\\p{L}0-9 .]{1,64}");

    public SessionFilter {
        ipPrefix = ipPrefix.map(String::strip).filter(p -> !p.isEmpty());
        ipPrefix.ifPresent(p -> Parameters.ipPrefix(p, "ip"));
        device = device.map(String::strip).filter(d -> !d.isEmpty());
        device.filter(d -> !DEVICE.matcher(d).matches()).ifPresent(d -> {
            throw new IllegalArgumentException("a device filter is 1-64 letters, digits, spaces or dots");
        });
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
    }

    /** The live part of what this filter matches; empty when it asks for ended sessions only. */
    public Optional<SessionFilter> live() {
        return state == State.LIVE || state == State.ANY
                ? Optional.of(new SessionFilter(username, ipPrefix, device, State.LIVE)) : Optional.empty();
    }
}
