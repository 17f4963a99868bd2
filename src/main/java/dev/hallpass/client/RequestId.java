package dev.hallpass.client;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's log lines together: the caller's {@code X-Request-Id} when it is a
 * plain token (so a proxy's or client's id carries through), otherwise a new UUID. It is echoed in the
 * response header, and known to the request's thread for log lines written deeper down. Taken up by
 * the authentication mechanism (the first of our code a request meets) and again by
 * {@code infrastructure.web.RequestIdFilter}, which clears it when the request is done.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    /** What may come from outside: no spaces or line breaks that could forge a log line, at most 128. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@+=/-]{1,128}");
    private static final String ATTRIBUTE = RequestId.class.getName();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {
    }

    /** The request's id (the same on every call for one request), now also this thread's. */
    public static String begin(HttpServletRequest request, HttpServletResponse response) {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String given = request.getHeader(HEADER);
            id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        CURRENT.set(id);
        return id;
    }

    /** The id of the request this thread is serving, if it is serving one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** For log lines: the id, or {@code -} off a request (a scheduled job). */
    public static String forLog() {
        return current().orElse("-");
    }

    public static void end() {
        CURRENT.remove();
    }
}
