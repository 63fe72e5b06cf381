package dev.vpnbot.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserBlockingTest {
    private static final UserId IVAN = new UserId(1001);

    private final InMemoryUsers users = new InMemoryUsers();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final UserRegistration registration = new UserRegistration(users, clock);
    private final UserBlocking blocking = new UserBlocking(users);
    private final UserLookup lookup = new UserLookup(users);

    @Test
    void a_user_who_blocked_the_bot_is_marked_blocked_and_keeps_everything_else() {
        User registered = registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan", "en"));

        blocking.markBlocked(IVAN);

        User stored = lookup.find(IVAN).orElseThrow();
        assertThat(stored.blocked()).isTrue();
        assertThat(stored.withBlocked(false)).isEqualTo(registered);
    }

    @Test
    void writing_to_the_bot_again_unblocks() {
        registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan", "ru"));
        blocking.markBlocked(IVAN);

        registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan", "ru"));

        assertThat(lookup.find(IVAN).orElseThrow().blocked()).isFalse();
    }

    @Test
    void an_unknown_user_is_not_created_by_marking_them_blocked() {
        blocking.markBlocked(new UserId(4242));

        assertThat(lookup.find(new UserId(4242))).isEmpty();
    }

    @Test
    void lookup_returns_the_stored_language() {
        registration.register(new RegisterUserCommand(IVAN, "Ivan", null, "en-US"));

        assertThat(lookup.find(IVAN)).map(User::language).contains(Language.EN);
        assertThat(lookup.find(new UserId(7))).isEmpty();
    }
}
