package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Outgoing port: the users a broadcast goes to, never including those who blocked the bot. */
public interface Audiences {
    long count(Audience audience, Instant now);

    /** The next {@code limit} recipients with a Telegram id above {@code afterTelegramId}, ascending. */
    List<UserId> page(Audience audience, Instant now, long afterTelegramId, int limit);
}
