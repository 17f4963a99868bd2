package dev.hallpass.data.control;

import java.util.Locale;

/** Whose a document is: one session's (it ends with the session) or the user's (shared by every session, erased with the account). */
public enum DataScope {
    SESSION, USER;

    /** The name in events and JSON: {@code session}, {@code user}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
