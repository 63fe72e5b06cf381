package dev.vpnbot.bootstrap.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The bot's whole HTTP surface, in one table. A route answers only once a handler is plugged in
 * for it (see {@code HttpModule}); until then it is 404, like any unknown path. The server alone
 * checks each route's method (405) and body limit (413): handlers never see a request that
 * fails either.
 *
 * @param maxBodyBytes larger request bodies are refused with 413 before a handler sees them
 */
public enum Route {
    /** Heleket's notifications are a few KiB; 32 KiB leaves room and keeps junk out. */
    HELEKET_WEBHOOK("POST", "/webhooks/heleket", 32 * 1024),
    /** Updates are small; anything bigger is not from Telegram. */
    TELEGRAM_WEBHOOK("POST", "/webhooks/telegram", 1024 * 1024),
    CONNECT("GET", "/connect", 0),
    HEALTH("GET", "/healthz", 0),
    METRICS("GET", "/metrics", 0),
    /** A new node enrols itself with a one-time token (deploy/node/install.sh); its request is well under 4 KiB. */
    NODE_ENROLL("POST", "/nodes/enroll", 16 * 1024),
    /** A key's subscription: {@code /sub/<token>}, every path under the prefix (the handler tells tokens from junk). */
    SUBSCRIPTION("GET", "/sub/", 0, true);

    private final String method;
    private final String path;
    private final int maxBodyBytes;
    private final boolean prefix;

    Route(String method, String path, int maxBodyBytes) {
        this(method, path, maxBodyBytes, false);
    }

    /** @param prefix the route answers every path that starts with {@code path} (which then ends with "/") */
    Route(String method, String path, int maxBodyBytes, boolean prefix) {
        this.method = method;
        this.path = path;
        this.maxBodyBytes = maxBodyBytes;
        this.prefix = prefix;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public static Optional<Route> forPath(String path) {
        return Arrays.stream(values()).filter(r -> r.prefix ? path.startsWith(r.path) : r.path.equals(path)).findFirst();
    }

    /** The label used in metrics and logs: "heleket_webhook". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
