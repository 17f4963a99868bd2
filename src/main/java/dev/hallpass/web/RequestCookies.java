package dev.hallpass.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/** The values of the cookies with one name; a header the container cannot parse counts as none. */
public final class RequestCookies {

    private RequestCookies() {
    }

    public static List<String> named(HttpServletRequest request, String name) {
        Cookie[] cookies;
        try {
            cookies = request.getCookies();
        } catch (RuntimeException unparseableCookieHeader) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    values.add(cookie.getValue());
                }
            }
        }
        return values;
    }
}
