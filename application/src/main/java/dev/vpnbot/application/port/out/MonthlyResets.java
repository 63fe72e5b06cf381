package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.VpnKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Store query: keys whose traffic starts again from zero every 30 days, because the tariff of
 * their latest fulfilled order has a monthly reset. Each 30-day period of a key (counted from
 * when it was made) is reset once, recorded in the once-only ledger ({@link SentNotifications})
 * under {@link #KIND} and {@link #subject}.
 */
public interface MonthlyResets {

    String KIND = "traffic-reset";
    Duration PERIOD = Duration.ofDays(30);

    /** Active, unexpired keys in their second or later period whose current period has no reset yet, by id, at most {@code limit}. */
    List<VpnKey> due(Instant now, int limit);

    /** The number of whole 30-day periods since the key was made. */
    static long period(VpnKey key, Instant now) {
        return Duration.between(key.createdAt(), now).toSeconds() / PERIOD.toSeconds();
    }

    /** "key:&lt;id&gt;#&lt;period&gt;". */
    static String subject(VpnKey key, Instant now) {
        return "key:" + key.id().value() + "#" + period(key, now);
    }
}
