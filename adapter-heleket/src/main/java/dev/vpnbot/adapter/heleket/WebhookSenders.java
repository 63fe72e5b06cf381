package dev.vpnbot.adapter.heleket;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who sent a webhook, and whether they may. The sender is the socket's peer, unless that peer
 * is one of our own proxies: then {@code X-Forwarded-For} is read from the right, skipping our
 * proxies, and the first other address is the sender. A client can write anything into that
 * header, so it is never read when the peer is not a trusted proxy.
 */
final class WebhookSenders {
    private final List<IpRange> allowed;
    private final List<IpRange> trustedProxies;

    WebhookSenders(List<IpRange> allowed, List<IpRange> trustedProxies) {
        this.allowed = List.copyOf(allowed);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The sender's address; empty when a trusted proxy forwarded something that is not an IP. */
    Optional<InetAddress> sender(InetAddress peer, Map<String, List<String>> headers) {
        if (!isTrustedProxy(peer)) return Optional.of(peer);
        List<String> hops = new ArrayList<>();
        for (String header : headerValues(headers, "X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) hops.add(hop.trim());
            }
        }
        InetAddress sender = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.parseLiteral(hops.get(i));
            if (hop.isEmpty()) return Optional.empty();
            sender = hop.get();
            if (!isTrustedProxy(sender)) break;
        }
        return Optional.of(sender);
    }

    boolean mayCall(InetAddress sender) {
        return allowed.isEmpty() || allowed.stream().anyMatch(r -> r.contains(sender));
    }

    private boolean isTrustedProxy(InetAddress address) {
        return trustedProxies.stream().anyMatch(r -> r.contains(address));
    }

    /** Header names are case-insensitive; servers hand them over in all sorts of case. */
    static List<String> headerValues(Map<String, List<String>> headers, String name) {
        List<String> values = new ArrayList<>();
        if (headers == null) return values;
        headers.forEach((key, list) -> {
            if (key != null && key.equalsIgnoreCase(name) && list != null) values.addAll(list);
        });
        return values;
    }
}
