package dev.hallpass.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client addresses behind trusted proxies, and address parsing that never asks DNS. */
class ClientAddressTest {

    private static HttpServletRequest request(String peer, String... forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration(
                            ClientAddress.FORWARDED_FOR.equalsIgnoreCase((String) args[0]) ? List.of(forwardedFor) : List.of());
                    case "getHeader" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClientAddress trusting(String... proxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = List.of(proxies).stream().map(IpAddresses.Range::parse).toList();
        return address;
    }

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        assertEquals("198.51.100.9", trusting().ipOf(request("198.51.100.9", "10.0.0.1")));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("198.51.100.9", trusting("10.0.0.0/8").ipOf(request("198.51.100.9", "203.0.113.1")));
    }

    @Test
    void theFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddress address = trusting("10.0.0.0/8", "192.168.1.1");

        assertEquals("203.0.113.7", address.ipOf(request("10.1.2.3", "6.6.6.6, 203.0.113.7, 192.168.1.1")),
                "whatever the client wrote to the left of its real address is ignored");
        assertEquals("203.0.113.7", address.ipOf(request("10.1.2.3", "6.6.6.6", "203.0.113.7")), "several headers");
        assertEquals("10.9.9.9", address.ipOf(request("10.1.2.3", "10.9.9.9")), "all trusted: the farthest one");
        assertEquals("10.1.2.3", address.ipOf(request("10.1.2.3")), "no header: the proxy itself");
        assertEquals("192.168.1.1", address.ipOf(request("10.1.2.3", "not-an-ip, 192.168.1.1")),
                "garbage stops the walk at the last trusted hop");
    }

    @Test
    void ipv6IsCanonicalSoTheSameClientAlwaysLooksTheSame() {
        assertEquals("2001:db8:0:0:0:0:0:1", trusting("::1").ipOf(request("0:0:0:0:0:0:0:1", "[2001:db8::1]")));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertEquals(Optional.empty(), IpAddresses.parse("localhost"));
        assertEquals(Optional.empty(), IpAddresses.parse("example.com"));
        assertTrue(IpAddresses.parse("203.0.113.7:443").isPresent());
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.Range.parse("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.Range.parse("10.0.0.0/33"));
    }

    @Test
    void rangesMatchByPrefix() {
        IpAddresses.Range range = IpAddresses.Range.parse("172.16.0.0/12");
        assertTrue(range.contains(IpAddresses.parse("172.31.255.255").orElseThrow()));
        assertFalse(range.contains(IpAddresses.parse("172.32.0.0").orElseThrow()));
        assertFalse(range.contains(IpAddresses.parse("2001:db8::1").orElseThrow()), "v6 is never inside a v4 range");
    }

    @Test
    void networksAreSlash24AndSlash48() {
        assertEquals(Optional.of("203.0.113.0/24"), IpAddresses.network("203.0.113.77"));
        assertEquals(Optional.of("2001:db8:1:0:0:0:0:0/48"), IpAddresses.network("2001:db8:1:2::5"));
        assertEquals(Optional.empty(), IpAddresses.network(""));
    }

    /** Review L7: one IPv6 host holds a whole /64, so it is throttled as one client. */
    @Test
    void anIpv6ClientIsItsSlash64AndAnIpv4ClientItsAddress() {
        assertEquals(IpAddresses.clientKey("2001:db8:1:2:aaaa::1"), IpAddresses.clientKey("2001:db8:1:2:ffff:1:2:3"));
        assertNotEquals(IpAddresses.clientKey("2001:db8:1:2::1"), IpAddresses.clientKey("2001:db8:1:3::1"));
        assertEquals("203.0.113.7", IpAddresses.clientKey("203.0.113.7"));
        assertNotEquals(IpAddresses.clientKey("203.0.113.7"), IpAddresses.clientKey("203.0.113.8"));
    }
}
