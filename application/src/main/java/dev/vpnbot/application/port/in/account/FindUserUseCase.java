package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;

/** Use case: who is this user (language, zone, blocked)? Chat adapters read it before they answer. */
public interface FindUserUseCase {
    Optional<User> find(UserId userId);
}
