package dev.hallpass.account.control;

import dev.hallpass.problem.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** Usernames are case-insensitive: kept lower-case, 3–64 of letters, digits and {@code . _ @ -}. */
public final class Usernames {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    private Usernames() {
    }

    /** The canonical form, or {@link InvalidInput} naming the field. */
    public static String parse(String raw) {
        String canonical = canonical(raw);
        if (!FORMAT.matcher(canonical).matches()) {
            throw new InvalidInput("username", "username");
        }
        return canonical;
    }

    public static String canonical(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }
}
