package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import java.time.Clock;
import java.util.Optional;

/** Registers newcomers in their Telegram language; returning users keep their chosen language. */
public final class UserRegistration implements RegisterUserUseCase {
    private final Users users;
    private final Clock clock;

    public UserRegistration(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public User register(RegisterUserCommand command) {
        return register(command, users.find(command.userId()));
    }

    @Override
    public User register(RegisterUserCommand command, Optional<User> known) {
        if (known.isPresent() && !known.get().id().equals(command.userId())) {
            throw new IllegalArgumentException("the user read is " + known.get().id() + ", not " + command.userId());
        }
        User user = known
                .map(k -> k.withNames(command.firstName(), command.username()))
                .orElseGet(() -> User.register(command.userId(), command.firstName(), command.username(),
                        Language.fromTelegramCode(command.telegramLanguageCode()), clock.instant()));
        // a user who writes to us again has evidently unblocked the bot
        user = user.withBlocked(false);
        // nothing changed, nothing written: a write and its commit on every /start capped the bot's updates per second
        if (known.isEmpty() || !known.get().equals(user)) users.save(user);
        return user;
    }
}
