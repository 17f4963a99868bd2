package dev.hallpass.protect;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.Config;

/**
 * The client's settings, from MicroProfile Config:
 * {@code hallpass.client.url} (Hallpass's base URL as this application reaches it), {@code hallpass.client.id}
 * and {@code hallpass.client.secret} (an entry of Hallpass's {@code hallpass.token.clients}),
 * {@code hallpass.client.fail} ({@code closed}, the default: while the feed is not known to be current, bearer
 * requests are refused with 503; {@code open}: they are let through), {@code hallpass.client.max-staleness}
 * (how old the last word from the feed may be before it counts as not current; default {@code PT35S}, above
 * Hallpass's 25-second long poll), {@code hallpass.client.remember-revoked} (how long an ended session is
 * remembered; at least Hallpass's access-token lifetime; default {@code PT16M}),
 * {@code hallpass.client.session-cache} (how long a session check is reused; default {@code PT5S}),
 * {@code hallpass.client.login-url} (default: the Hallpass login page), {@code hallpass.client.issuer} (Hallpass's
 * {@code hallpass.token.issuer}, when it differs from the URL) and {@code hallpass.client.description}.
 */
record ClientSettings(URI hallpass, String clientId, String authorization, boolean failOpen, Duration maxStaleness,
                      Duration rememberRevoked, Duration sessionCache, String loginUrl, String description, String issuer) {

    static ClientSettings from(Config config) {
        String url = config.getValue("hallpass.client.url", String.class);
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String id = config.getValue("hallpass.client.id", String.class);
        String secret = config.getValue("hallpass.client.secret", String.class);
        String fail = config.getOptionalValue("hallpass.client.fail", String.class).orElse("closed");
        if (!fail.equals("closed") && !fail.equals("open")) {
            throw new IllegalArgumentException("hallpass.client.fail must be closed or open, was " + fail);
        }
        return new ClientSettings(URI.create(base), id,
                "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                fail.equals("open"),
                duration(config, "hallpass.client.max-staleness", "PT35S"),
                duration(config, "hallpass.client.remember-revoked", "PT16M"),
                duration(config, "hallpass.client.session-cache", "PT5S"),
                config.getOptionalValue("hallpass.client.login-url", String.class).orElse(base + "/login.xhtml"),
                config.getOptionalValue("hallpass.client.description", String.class).orElse("hallpass-client"),
                config.getOptionalValue("hallpass.client.issuer", String.class).orElse(base).replaceAll("/$", ""));
    }

    URI resolve(String path) {
        return URI.create(hallpass + path);
    }

    private static Duration duration(Config config, String name, String otherwise) {
        return Duration.parse(config.getOptionalValue(name, String.class).orElse(otherwise));
    }
}
