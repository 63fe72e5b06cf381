package dev.vpnbot.adapter.heleket;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR block ("31.133.220.8", "10.0.0.0/8", "2001:db8::/32"), used for the
 * webhook sender allowlist. Parsing never asks DNS: only literals pass.
 */
public final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** Parses "a.b.c.d", "a.b.c.d/n", an IPv6 literal or an IPv6 block; throws a clear error otherwise. */
    public static IpRange parse(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress parsed = parseLiteral(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: '" + value + "'"));
        byte[] bytes = parsed.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length in '" + value + "'");
            }
            if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("CIDR prefix out of range in '" + value + "'");
        }
        return new IpRange(mask(bytes, prefix), prefix, prefix == bits ? address : address + "/" + prefix);
    }

    /** An IP literal as an address, or empty for anything else (host names included: no DNS here). */
    public static Optional<InetAddress> parseLiteral(String value) {
        if (value == null) return Optional.empty();
        String s = value.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.isEmpty()) return Optional.empty();
        var v4 = IPV4.matcher(s);
        try {
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) return Optional.empty();
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // Contains ':' and only literal characters, so the JDK parses it without a lookup.
            if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
                return Optional.of(InetAddress.getByName(s));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean contains(InetAddress address) {
        if (address == null) return false;
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            if (network.length == 4 && bytes.length == 16 && isIpv4Mapped(bytes)) {
                bytes = Arrays.copyOfRange(bytes, 12, 16);
            } else {
                return false;
            }
        }
        return Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) if (v6[i] != 0) return false;
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
