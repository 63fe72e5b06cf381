package dev.vpnbot.bootstrap.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One address or CIDR block ("31.133.220.8", "10.0.0.0/8", "::1"), as allowlists in the
 * configuration are written. Only literal addresses: a host name would need a DNS lookup,
 * which an allowlist must not depend on.
 */
public record IpRange(InetAddress network, int prefixLength) {
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public IpRange {
        Objects.requireNonNull(network, "network");
        int max = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length must be 0.." + max + ", got " + prefixLength);
        }
    }

    public static IpRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + t + "' is not an IP address or CIDR block");
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(address); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + t + "' is not an IP address or CIDR block");
        }
        int bits = ip.getAddress().length * 8;
        if (slash < 0) return new IpRange(ip, bits);
        try {
            return new IpRange(ip, Integer.parseInt(t.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' has no valid prefix length after '/'");
        }
    }

    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] addr = address.getAddress();
        if (net.length != addr.length) return false;
        int full = prefixLength / 8, rest = prefixLength % 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != addr[i]) return false;
        }
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (net[full] & mask) == (addr[full] & mask);
    }

    @Override
    public String toString() {
        int bits = network.getAddress().length * 8;
        return network.getHostAddress() + (prefixLength == bits ? "" : "/" + prefixLength);
    }
}
