package dev.hallpass.web;

import java.util.Locale;

/** The SameSite values a setting may name, in their canonical spelling. */
public final class SameSite {

    private SameSite() {
    }

    public static String parse(String configured) {
        return switch (configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> throw new IllegalStateException("SameSite must be Strict, Lax or None, was: " + configured);
        };
    }
}
