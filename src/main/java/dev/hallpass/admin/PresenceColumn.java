package dev.hallpass.admin;

import dev.hallpass.session.presence.Presence;
import dev.hallpass.session.presence.UserPresence;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The "Online" column of a console table: the presence of the users on the page just loaded, asked once per
 * page (one query), never per row. Not kept with the view's state: a restored view asks again.
 */
public final class PresenceColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Map<String, UserPresence> shown = Map.of();

    void load(Presence presence, Collection<String> usernames) {
        shown = usernames.isEmpty() ? Map.of() : presence.of(new LinkedHashSet<>(usernames));
    }

    public boolean online(String username) {
        UserPresence user = shown == null ? null : shown.get(username);
        return user != null && user.online();
    }

    /** When the user was last seen, or null (online, unknown, or never). */
    public Instant lastSeen(String username) {
        UserPresence user = shown == null ? null : shown.get(username);
        return user == null || user.online() ? null : user.lastSeenAt();
    }
}
