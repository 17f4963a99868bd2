package dev.hallpass.infrastructure.cache;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hallpass.redis.url}, parsed: {@code redis://[[user]:password@]host[:port][/db]},
 * {@code rediss://…} for TLS, or {@code redis-sentinel://[[user]:password@]host:port[,host:port…]/master[/db]}.
 */
public record RedisEndpoint(List<HostPort> hosts, Optional<String> master, Optional<String> user,
                            Optional<String> password, int database, boolean tls) {

    public record HostPort(String host, int port) {
    }

    public static RedisEndpoint parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid("it needs a scheme: redis://, rediss:// or redis-sentinel://");
        }
        String scheme = url.substring(0, schemeEnd);
        boolean sentinel = scheme.equals("redis-sentinel");
        if (!sentinel && !scheme.equals("redis") && !scheme.equals("rediss")) {
            throw invalid("unknown scheme " + scheme);
        }
        String rest = url.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            String name = colon < 0 ? "" : decode(credentials.substring(0, colon));
            String secret = decode(colon < 0 ? credentials : credentials.substring(colon + 1));
            user = name.isEmpty() ? Optional.empty() : Optional.of(name);
            password = secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        }
        int slash = rest.indexOf('/');
        String hostPart = slash < 0 ? rest : rest.substring(0, slash);
        List<String> path = slash < 0 ? List.of() : List.of(rest.substring(slash + 1).split("/"));
        List<HostPort> hosts = new ArrayList<>();
        for (String host : hostPart.split(",")) {
            hosts.add(hostPort(host, sentinel ? 26379 : 6379));
        }
        Optional<String> master = Optional.empty();
        if (sentinel) {
            if (path.isEmpty() || path.get(0).isEmpty()) {
                throw invalid("a sentinel URL names the master: redis-sentinel://host:26379/mymaster");
            }
            master = Optional.of(path.get(0));
            path = path.subList(1, path.size());
        }
        int database = path.isEmpty() || path.get(0).isEmpty() ? 0 : parseInt(path.get(0), "database");
        return new RedisEndpoint(List.copyOf(hosts), master, user, password, database, scheme.equals("rediss"));
    }

    private static HostPort hostPort(String text, int defaultPort) {
        URI uri = URI.create("redis://" + text);
        if (uri.getHost() == null) {
            throw invalid("bad host '" + text + "'");
        }
        return new HostPort(uri.getHost(), uri.getPort() < 0 ? defaultPort : uri.getPort());
    }

    private static int parseInt(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid("the " + what + " must be a number, was '" + text + "'");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("hallpass.redis.url is not valid: " + why);
    }

    @Override
    public String toString() {
        return "RedisEndpoint" + hosts + master.map(m -> " master " + m).orElse("") + " db " + database + (tls ? " tls" : "");
    }
}
