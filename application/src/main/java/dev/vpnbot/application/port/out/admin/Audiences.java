package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Outgoing port: the users a broadcast goes to, never including those who blocked the bot or are banned. */
public interface Audiences {
    default long count(Audience audience, Instant now) {
        return count(audience, 0, now);
    }

    /** @param withinDays the N of "expiring within N days"; 0 for the other audiences */
    long count(Audience audience, int withinDays, Instant now);

    default List<UserId> page(Audience audience, Instant now, long afterTelegramId, int limit) {
        return page(audience, 0, now, afterTelegramId, limit);
    }

    /** The next {@code limit} recipients with a Telegram id above {@code afterTelegramId}, ascending. */
    List<UserId> page(Audience audience, int withinDays, Instant now, long afterTelegramId, int limit);
}
