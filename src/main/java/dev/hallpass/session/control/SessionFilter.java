package dev.hallpass.session.control;

import dev.hallpass.problem.Parameters;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which sessions the console lists (and an administrator ends in bulk): every part optional. {@code username}
 * is exact (canonical), {@code ipPrefix} matches the start of the address, {@code device} any part of the device
 * label (case-insensitive), {@code createdBefore} sessions started before that moment, {@code role} sessions
 * holding that role; {@code state} is whether the session is live or how it ended.
 */
public record SessionFilter(Optional<String> username, Optional<String> ipPrefix, Optional<String> device,
                            Optional<Instant> createdBefore, Optional<String> role, State state) {

    /** What the session is now. A session that ran out without being ended counts as {@link #EXPIRED}. */
    public enum State { LIVE, LOGGED_OUT, EXPIRED, REPLACED, REVOKED, ANY }

    public static final SessionFilter LIVE = new SessionFilter(Optional.empty(), Optional.empty(), Optional.empty(), State.LIVE);

    /** Without the time and role parts (the console's filters). */
    public SessionFilter(Optional<String> username, Optional<String> ipPrefix, Optional<String> device, State state) {
        this(username, ipPrefix, device, Optional.empty(), Optional.empty(), state);
    }

    /** What device labels are made of ({@code Device#label}): letters, digits, spaces and dots. */
    private static final Pattern DEVICE = Pattern.compile("[\\p{L}0-9 .]{1,64}");

    public SessionFilter {
        ipPrefix = ipPrefix.map(String::strip).filter(p -> !p.isEmpty());
        ipPrefix.ifPresent(p -> Parameters.ipPrefix(p, "ip"));
        device = device.map(String::strip).filter(d -> !d.isEmpty());
        device.filter(d -> !DEVICE.matcher(d).matches()).ifPresent(d -> {
            throw new IllegalArgumentException("a device filter is 1-64 letters, digits, spaces or dots");
        });
        role = role.map(String::strip).filter(r -> !r.isEmpty());
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
    }

    /** Whether it narrows anything down (a bulk end of every session must say so: {@code all=true}). */
    public boolean narrows() {
        return username.isPresent() || ipPrefix.isPresent() || device.isPresent() || createdBefore.isPresent() || role.isPresent();
    }

    /** The live part of what this filter matches; empty when it asks for ended sessions only. */
    public Optional<SessionFilter> live() {
        return state == State.LIVE || state == State.ANY
                ? Optional.of(new SessionFilter(username, ipPrefix, device, createdBefore, role, State.LIVE)) : Optional.empty();
    }
}
