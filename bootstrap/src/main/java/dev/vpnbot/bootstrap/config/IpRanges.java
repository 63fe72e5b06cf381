package dev.vpnbot.bootstrap.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** An allowlist of addresses and CIDR blocks, written in the configuration as a comma-separated list. */
public record IpRanges(List<IpRange> ranges) {
    public IpRanges {
        ranges = List.copyOf(ranges);
    }

    public static IpRanges none() {
        return new IpRanges(List.of());
    }

    /** Parses "a, b/24 c"; throws with every entry that is not an address. */
    public static IpRanges parse(String text) {
        List<IpRange> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            try {
                out.add(IpRange.parse(part));
            } catch (IllegalArgumentException e) {
                bad.add("'" + part.strip() + "'");
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + String.join(", ", bad));
        }
        return new IpRanges(out);
    }

    public boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The entries as text ("31.133.220.8", "10.0.0.0/8"), for adapters that take strings. */
    public List<String> asText() {
        return ranges.stream().map(IpRange::toString).toList();
    }

    @Override
    public String toString() {
        return String.join(",", asText());
    }
}
