package dev.vpnbot.adapter.telegram.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * At most N requests per client address in each clock minute (a fixed window: cheap and good
 * enough to stop enumeration and runaway apps). Memory is bounded: the table is cleared every
 * minute, and when one minute brings more than {@code maxClients} addresses, new ones are refused
 * until the minute ends.
 */
final class ClientRateLimit {
    private final int perMinute;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();
    private long window = Long.MIN_VALUE;

    ClientRateLimit(int perMinute, int maxClients, Clock clock) {
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Counts one request from {@code client}; false when it is over its share of this minute. */
    synchronized boolean allow(String client) {
        long minute = clock.millis() / 60_000;
        if (minute != window) {
            counts.clear();
            window = minute;
        }
        Integer seen = counts.get(client);
        if (seen == null && counts.size() >= maxClients) return false;
        int now = seen == null ? 1 : seen + 1;
        counts.put(client, now);
        return now <= perMinute;
    }

    /** Seconds until the current window ends, for Retry-After. */
    long secondsLeft() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
