package dev.vpnbot.application.model.panel;

import java.time.Instant;

/**
 * A key's client as its panel counts it (3x-ui's client traffic row).
 *
 * @param enabled     the panel's switch (on v2.8 the client's own, elsewhere the traffic row's, which
 *                    the panel also turns off when the quota or the time ran out)
 * @param totalBytes  the traffic quota, 0 = unlimited
 * @param lastOnline  when the client was last seen connected; null when never, or the panel does not
 *                    report it (3x-ui before 2.8)
 */
public record PanelUsage(boolean enabled, long uploadBytes, long downloadBytes, long totalBytes, Instant lastOnline) {
    public PanelUsage {
        if (uploadBytes < 0 || downloadBytes < 0 || totalBytes < 0) throw new IllegalArgumentException("traffic cannot be negative");
    }

    public long usedBytes() {
        return uploadBytes + downloadBytes;
    }

    public boolean hasQuota() {
        return totalBytes > 0;
    }

    /** Rule: a quota is used up once up + down reach it, as the panel's traffic job decides. */
    public boolean quotaUsedUp() {
        return hasQuota() && usedBytes() >= totalBytes;
    }

    /** Whether the client ever moved a byte. */
    public boolean everConnected() {
        return usedBytes() > 0 || lastOnline != null;
    }
}
