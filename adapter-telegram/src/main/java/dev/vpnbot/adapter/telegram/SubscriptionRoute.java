package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.web.SubscriptionEndpoint;
import java.net.InetAddress;
import java.util.Optional;

/** {@code GET /sub/<token>} as bootstrap's server sees it: one plain method; see {@link SubscriptionEndpoint}. */
public final class SubscriptionRoute {
    /** Where bootstrap mounts it; the token follows. */
    public static final String PATH_PREFIX = SubscriptionEndpoint.PATH_PREFIX;

    private final SubscriptionEndpoint endpoint;

    SubscriptionRoute(SubscriptionEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param accept the request's Accept header: text/html gets the page, anything else the app's list
     * @param client who asked (for the per-address limit); empty when unknown
     */
    public WebPage answer(String path, Optional<String> accept, Optional<InetAddress> client) {
        SubscriptionEndpoint.Response r = endpoint.respond(path, accept, client);
        return new WebPage(r.status(), r.contentType(), r.body(), r.headers());
    }
}
