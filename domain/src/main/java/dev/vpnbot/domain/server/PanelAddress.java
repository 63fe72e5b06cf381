package dev.vpnbot.domain.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for a panel address an admin types in. The bot logs in there with the panel password
 * and follows what it answers, so an address inside the machine's own cloud (link-local
 * 169.254.0.0/16 and fe80::/10, the metadata services that hand out cloud credentials) is
 * refused; plain http to a host beyond this machine and its private network gets a warning,
 * as the password would cross the internet unencrypted.
 */
public final class PanelAddress {
    /** Cloud metadata services by name and by address (AWS IPv6, Alibaba), besides every link-local address. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data",
            "instance-data.ec2.internal", "fd00:ec2::254", "100.100.100.200");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private PanelAddress() {}

    /** Throws {@link IllegalArgumentException} (a sentence without the URL) for a link-local or cloud metadata address. */
    public static void refuseUnsafe(String url) {
        String host = host(url);
        if (NUMERIC.matcher(host).matches() && !host.contains(":") && !DOTTED_QUAD.matcher(host).matches()) {
            // 2852039166 or 0251.0376.0251.0376 are 169.254.169.254 in disguise
            throw new IllegalArgumentException("write the panel's IP address as four decimal numbers (such as 203.0.113.7)");
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new IllegalArgumentException("a cloud metadata service is not a panel: the address is refused");
        }
        literal(host).filter(InetAddress::isLinkLocalAddress).ifPresent(a -> {
            throw new IllegalArgumentException("link-local addresses (169.254.0.0/16, fe80::/10) are refused: "
                    + "cloud metadata services live there, not panels");
        });
    }

    /** A warning when the panel password would travel unencrypted beyond this machine and its private network. */
    public static Optional<String> plainHttpWarning(String url) {
        if (!url.regionMatches(true, 0, "http:", 0, 5)) return Optional.empty();
        String host = host(url);
        boolean local = host.equals("localhost") || literal(host).map(a -> a.isLoopbackAddress() || a.isSiteLocalAddress()
                || isUniqueLocal(a)).orElse(false);
        if (local) return Optional.empty();
        return Optional.of("plain http:// to " + host + ": the panel password would cross the network unencrypted; "
                + "use https:// (with the certificate pinned if it is self-signed)");
    }

    private static String host(String url) {
        String host = URI.create(url.trim()).getHost();
        if (host == null) throw new IllegalArgumentException("the panel URL has no host");
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int zone = host.indexOf('%'); // fe80::1%eth0: the zone names an interface, the address is what counts
        return zone >= 0 && host.contains(":") ? host.substring(0, zone) : host;
    }

    /** The address when {@code host} is an IP literal (no name lookup ever happens here). */
    private static Optional<InetAddress> literal(String host) {
        if (!DOTTED_QUAD.matcher(host).matches() && !(host.contains(":") && NUMERIC.matcher(host).matches())) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC; // fc00::/7
    }
}
