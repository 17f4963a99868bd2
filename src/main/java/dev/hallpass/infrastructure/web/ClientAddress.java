package dev.hallpass.infrastructure.web;

import dev.hallpass.audit.boundary.ClientInfo;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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

    String ipOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty()) {
            return peer == null ? "" : peer; // the container's numeric text: the hot path parses nothing
        }
        Optional<InetAddress> peerAddress = IpAddresses.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "" : peer;
        }
        InetAddress client = peerAddress.get();
        if (!IpAddresses.anyContains(trustedProxies, client)) {
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
}
