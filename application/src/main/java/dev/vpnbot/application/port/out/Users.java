package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;

/** Outgoing port: everybody who has talked to the bot. */
public interface Users {
    Optional<User> find(UserId id);

    /** Finds by @username, case-insensitively, with or without the '@'. */
    Optional<User> findByUsername(String username);

    /** Inserts or updates. */
    void save(User user);
}
