package dev.vpnbot.domain.key;

import java.util.Objects;

/**
 * How a user connects: the subscription URL (apps refresh it by themselves) and the raw
 * {@code vless://} share link (for apps without subscriptions).
 */
public record KeyLinks(String subscriptionUrl, String vlessUrl) {
    public KeyLinks {
        Objects.requireNonNull(vlessUrl, "vlessUrl");
        if (!vlessUrl.startsWith("vless://")) {
            throw new IllegalArgumentException("not a vless:// link");
        }
        if (subscriptionUrl != null && subscriptionUrl.isBlank()) subscriptionUrl = null;
    }

    /** What a one-tap import should hand to an app: the subscription when there is one. */
    public String importUrl() {
        return subscriptionUrl != null ? subscriptionUrl : vlessUrl;
    }
}
