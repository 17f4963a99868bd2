package dev.hallpass.client;

import dev.hallpass.client.ClientInfo;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is at the other end of a request. The TCP peer, unless it is one of the trusted proxies
 * ({@code hallpass.http.trusted-proxies}): then {@code X-Forwarded-For} is read from the right, past
 * every trusted hop, and the first address that is not trusted is the client. Nothing that an
 * untrusted peer sends in {@code X-Forwarded-For} is believed.
 */
@ApplicationScoped
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(10);

    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

    @Inject
    HttpServletRequest current;

    List<IpAddresses.Range> trustedProxies = List.of();

    @PostConstruct
    void readSettings() {
        trustedProxies = ConfigProvider.getConfig().getOptionalValues("hallpass.http.trusted-proxies", String.class)
                .orElse(List.of()).stream().filter(value -> !value.isBlank()).map(IpAddresses.Range::parse).toList();
    }

    /** The client of the request being served. */
    public ClientInfo current() {
        return of(current);
    }

    public ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(ipOf(request), request.getHeader(HttpHeaders.USER_AGENT));
    }

    /**
     * Whether the client reached us over TLS: directly, or through a trusted proxy that says so in
     * {@code X-Forwarded-Proto} (so HSTS is sent behind a TLS-terminating proxy too).
     */
    public boolean cameOverHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader(FORWARDED_PROTO);
        return proto != null && !trustedProxies.isEmpty() && fromTrustedProxy(request)
                && "https".equalsIgnoreCase(proto.substring(proto.lastIndexOf(',') + 1).strip());
    }

    private boolean fromTrustedProxy(HttpServletRequest request) {
        return IpAddresses.parse(request.getRemoteAddr())
                .filter(peer -> IpAddresses.anyContains(trustedProxies, peer)).isPresent();
    }

    String ipOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty()) {
            warnIfForwarded(request, peer);
            return peer == null ? "" : peer; // the container's numeric text: the hot path parses nothing
        }
        Optional<InetAddress> peerAddress = IpAddresses.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "" : peer;
        }
        InetAddress client = peerAddress.get();
        if (!IpAddresses.anyContains(trustedProxies, client)) {
            warnIfForwarded(request, peer);
            return IpAddresses.canonical(client);
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                hops.add(hop);
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
            if (hop.isEmpty()) {
                break; // garbage from the hop before: the last trusted proxy is all we know
            }
            client = hop.get();
            if (!IpAddresses.anyContains(trustedProxies, client)) {
                break;
            }
        }
        return IpAddresses.canonical(client);
    }

    /**
     * A proxy we do not trust forwards requests to us: every client then looks like the proxy, so
     * per-address limits, throttles and bindings lump all users together. Said loudly, at most every
     * 10 minutes, never with the header's (client-controlled) content.
     */
    private void warnIfForwarded(HttpServletRequest request, String peer) {
        if (request.getHeader(FORWARDED_FOR) == null) {
            return;
        }
        long now = System.nanoTime();
        long last = lastWarning.get();
        boolean due = last == Long.MIN_VALUE || now - last >= WARNING_INTERVAL.toNanos();
        if (due && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "A request from " + peer + " carries X-Forwarded-For, but that peer is not in "
                    + "hallpass.http.trusted-proxies: the header is ignored and every client behind it counts as "
                    + peer + " (login throttling, per-address limits, IP binding). If it is your reverse proxy, list "
                    + "its exact address there.");
        }
    }
}
