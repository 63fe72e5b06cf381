package dev.vpnbot.bootstrap.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Our own reverse proxies (TRUSTED_PROXIES), and who the client behind them is. The client is
 * the socket's peer, unless that peer is one of our proxies: then {@code X-Forwarded-For} is
 * read from the right, skipping our proxies, and the first other address is the client. A
 * client can write anything into that header, so it is never read when the peer is not a
 * trusted proxy, and its left end proves nothing.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final Predicate<InetAddress> isProxy;

    public TrustedProxies(Predicate<InetAddress> isProxy) {
        this.isProxy = isProxy;
    }

    /** No proxy in front: every client is the peer it connects from. */
    public static TrustedProxies none() {
        return new TrustedProxies(address -> false);
    }

    /**
     * The client's address; empty when a trusted proxy forwarded a hop that is not an IP
     * address, so that nobody can say who sent the request.
     *
     * @param forwardedFor every {@code X-Forwarded-For} header line, in the order received
     */
    public Optional<InetAddress> client(InetAddress peer, List<String> forwardedFor) {
        if (!isProxy.test(peer)) return Optional.of(peer);
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) hops.add(hop.trim());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) return Optional.empty();
            client = hop.get();
            if (!isProxy.test(client)) break;
        }
        return Optional.of(client);
    }

    /** An IP literal ("31.133.220.8", "2001:db8::5", "[::1]") as an address; empty for anything else, host names included: no DNS. */
    static Optional<InetAddress> literal(String value) {
        String s = value.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        try {
            var v4 = IPV4.matcher(s);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) return Optional.empty();
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // hex digits and colons first, then ':' somewhere: the JDK parses it as a literal or refuses, never asks DNS
            if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
