package dev.hallpass.infrastructure.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may send state-changing requests: the origin the request was addressed to
 * (its Host header, which a browser sets and a foreign page cannot forge) and any configured extra
 * ones, for deployments behind a proxy that rewrites Host.
 */
final class AllowedOrigins {

    private final Set<String> configured;

    AllowedOrigins(List<String> configured) {
        this.configured = configured.stream().map(AllowedOrigins::normalise).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin, String host) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        String normalised = normalise(origin);
        if (configured.contains(normalised)) {
            return true;
        }
        try {
            URI uri = URI.create(normalised);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
            int originPort = uri.getPort() == -1 ? defaultPort : uri.getPort();
            URI addressed = URI.create("http://" + host.strip().toLowerCase(Locale.ROOT));
            int hostPort = addressed.getPort() == -1 ? defaultPort : addressed.getPort();
            return uri.getHost().equals(addressed.getHost()) && originPort == hostPort;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
