package dev.hallpass.infrastructure.web;

import dev.hallpass.web.SameSite;
import java.util.Locale;

/** Adds whatever of {@code Secure}, {@code HttpOnly} and {@code SameSite} a Set-Cookie value lacks. */
final class SetCookieHardening {

    private SetCookieHardening() {
    }

    static String harden(String setCookie, String sameSite) {
        boolean secure = false;
        boolean httpOnly = false;
        boolean hasSameSite = false;
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
            secure |= attribute.equals("secure");
            httpOnly |= attribute.equals("httponly");
            hasSameSite |= attribute.startsWith("samesite=");
        }
        StringBuilder hardened = new StringBuilder(setCookie);
        if (!secure) {
            hardened.append("; Secure");
        }
        if (!httpOnly) {
            hardened.append("; HttpOnly");
        }
        if (!hasSameSite) {
            hardened.append("; SameSite=").append(sameSite);
        }
        return hardened.toString();
    }
}
