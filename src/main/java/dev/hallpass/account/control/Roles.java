package dev.hallpass.account.control;

import dev.hallpass.problem.InvalidInput;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Role names: lower-case words that downstream services can match in the {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    static final int MAX_ROLES = 16;
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_.-]{0,31}");

    private Roles() {
    }

    /** The roles as given, or {@code user} alone when none are; {@link InvalidInput} for a bad one. */
    public static Set<String> parse(Collection<String> raw) {
        if (raw == null) {
            return Set.of(USER);
        }
        if (raw.size() > MAX_ROLES) {
            throw new InvalidInput("roles", "roles-too-many", MAX_ROLES);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : raw) {
            if (role == null || !FORMAT.matcher(role).matches()) {
                throw new InvalidInput("roles", "role-name");
            }
            roles.add(role);
        }
        return roles;
    }
}
