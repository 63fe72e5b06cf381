package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a message goes to and how they read it, as our records say, so the message can be written
 * without asking anybody. Language and zone are null where the operator's defaults apply: a user
 * we do not know, or one who never chose a zone.
 *
 * @param blocked the user blocked the bot: only messages they must not miss still try
 */
public record Recipient(UserId user, Language language, ZoneId zone, boolean blocked) {

    public Recipient {
        Objects.requireNonNull(user, "user");
    }

    /** The user as stored, or the operator's defaults when there is no such user. */
    public static Recipient of(UserId id, Optional<User> stored) {
        return stored.map(u -> new Recipient(id, u.language(), u.timeZone(), u.blocked()))
                .orElseGet(() -> new Recipient(id, null, null, false));
    }
}
