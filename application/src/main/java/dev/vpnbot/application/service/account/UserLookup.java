package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Reads a user as stored; changes nothing. */
public final class UserLookup implements FindUserUseCase {
    private final Users users;

    public UserLookup(Users users) {
        this.users = users;
    }

    @Override
    public Optional<User> find(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return users.find(userId);
    }
}
