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

    /**
     * {@code secure}: the request reached us over TLS (directly or through a trusted proxy). A page
     * of the plain-HTTP origin of the same host (which anyone on the network path can write) is then
     * another origin, so the scheme counts too; over plain HTTP an {@code https} page of the same host
     * is ours (a TLS-terminating proxy that does not say so).
     */
    boolean allows(String origin, String host, boolean secure) {
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
            boolean schemeMatches = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && !secure;
            return schemeMatches && uri.getHost().equals(addressed.getHost()) && originPort == hostPort;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
