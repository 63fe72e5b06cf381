package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/** Use case: somebody opened the bot; remember them (or refresh their names). */
public interface RegisterUserUseCase {

    record RegisterUserCommand(UserId userId, String firstName, String username, String telegramLanguageCode) {
        public RegisterUserCommand {
            Objects.requireNonNull(userId, "userId");
        }
    }

    User register(RegisterUserCommand command);

    /**
     * As {@link #register(RegisterUserCommand)}, for a caller that has just read the user
     * ({@code known}; empty: not stored): the user is not read again.
     */
    default User register(RegisterUserCommand command, java.util.Optional<User> known) {
        return register(command);
    }
}
