package dev.hallpass.session.entity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person would call the device behind a user agent: its browser and operating system
 * ("Firefox on Windows"). Only the families people recognise, checked in an order where the more
 * specific token wins (Edge and Opera announce themselves as Chrome, Chrome as Safari).
 */
public record Device(String browser, String os) {

    public static final Device UNKNOWN = new Device("Unknown browser", "unknown OS");

    private record Family(String name, Pattern token) {

        static Family of(String name, String regex) {
            return new Family(name, Pattern.compile(regex));
        }

        String versioned(Matcher matcher) {
            return matcher.groupCount() > 0 && matcher.group(1) != null ? name + " " + matcher.group(1) : name;
        }
    }

    private static final List<Family> BROWSERS = List.of(
            Family.of("Edge", "Edg(?:e|A|iOS)?/(\\d+)"),
            Family.of("Opera", "(?:OPR|Opera)/(\\d+)"),
            Family.of("Samsung Internet", "SamsungBrowser/(\\d+)"),
            Family.of("Firefox", "(?:Firefox|FxiOS)/(\\d+)"),
            Family.of("Chromium", "Chromium/(\\d+)"),
            Family.of("Chrome", "(?:Chrome|CriOS)/(\\d+)"),
            Family.of("Safari", "Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"),
            Family.of("curl", "^curl/(\\d+)"),
            Family.of("Java HTTP client", "^Java(?:-http-client)?/(\\d+)"),
            Family.of("Python requests", "^python-requests/(\\d+)"),
            Family.of("OkHttp", "^okhttp/(\\d+)"),
            Family.of("Postman", "^PostmanRuntime/(\\d+)"));

    private static final List<Family> SYSTEMS = List.of(
            Family.of("Android", "Android (\\d+)"),
            Family.of("iOS", "(?:iPhone|iPad|iPod).*? OS (\\d+)"),
            Family.of("ChromeOS", "CrOS"),
            Family.of("Windows", "Windows NT"),
            Family.of("macOS", "Mac OS X"),
            Family.of("Linux", "Linux|X11"));

    /** The device behind a user agent header; {@link #UNKNOWN} parts for what is missing or unrecognised. */
    public static Device of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        return new Device(first(BROWSERS, userAgent, UNKNOWN.browser()), first(SYSTEMS, userAgent, UNKNOWN.os()));
    }

    private static String first(List<Family> families, String userAgent, String otherwise) {
        for (Family family : families) {
            Matcher matcher = family.token().matcher(userAgent);
            if (matcher.find()) {
                return family.versioned(matcher);
            }
        }
        return otherwise;
    }

    /** "Firefox 128 on Windows": what the console and "my devices" show, at most 64 characters. */
    public String label() {
        String label = browser + " on " + os;
        return label.length() <= 64 ? label : label.substring(0, 64);
    }
}
