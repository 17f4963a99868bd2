package dev.hallpass.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals and CIDR ranges, parsed without ever asking DNS: only text that is an IPv4 or
 * IPv6 literal reaches {@link InetAddress}.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(\\.\\d{1,3}){0,4}");

    private IpAddresses() {
    }

    /** The address in {@code text} ({@code [v6]} brackets and a {@code :port} on v4 allowed), or empty. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.contains("]")) {
            literal = literal.substring(1, literal.indexOf(']'));
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':') && literal.contains(".")) {
            literal = literal.substring(0, literal.indexOf(':'));
        }
        if (!IPV4.matcher(literal).matches() && !(literal.contains(":") && IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The canonical text of an address: the same address always gives the same string. */
    public static String canonical(InetAddress address) {
        return address.getHostAddress();
    }

    /**
     * The network an address belongs to for "a login from a new network": the IPv4 /24 or the IPv6 /48,
     * as CIDR text; empty for text that is not an address.
     */
    public static Optional<String> network(String address) {
        return parse(address).map(parsed -> prefix(parsed, 24, 48));
    }

    /**
     * What one client controls, for throttling: the IPv4 address, or the IPv6 /64 (one host usually
     * holds a whole /64, so keying by the full IPv6 address would give it 2^64 fresh buckets). Text that
     * is not an address is returned as it is.
     */
    public static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        return parse(address).map(parsed -> parsed.getAddress().length == 4 ? canonical(parsed) : prefix(parsed, 32, 64))
                .orElse(address);
    }

    private static String prefix(InetAddress address, int ipv4Bits, int ipv6Bits) {
        int bits = address.getAddress().length == 4 ? ipv4Bits : ipv6Bits;
        byte[] bytes = Arrays.copyOf(address.getAddress(), address.getAddress().length);
        for (int i = bits / 8; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return canonical(InetAddress.getByAddress(bytes)) + "/" + bits;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}). */
    public record Range(byte[] network, int prefixBits) {

        public static Range parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = IpAddresses.parse(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + text));
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + text, e);
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("prefix length out of range in " + text);
            }
            return new Range(address.getAddress(), bits);
        }

        public boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }

    public static boolean anyContains(List<Range> ranges, InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
