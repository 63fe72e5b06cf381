package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.MarkUserBlockedUseCase;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/** Records that a user blocked the bot; a repeat or an unknown user changes nothing. */
public final class UserBlocking implements MarkUserBlockedUseCase {
    private final Users users;

    public UserBlocking(Users users) {
        this.users = users;
    }

    @Override
    public void markBlocked(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        users.find(userId)
                .filter(user -> !user.blocked())
                .ifPresent(user -> users.save(user.withBlocked(true)));
    }
}
