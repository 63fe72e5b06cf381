package dev.vpnbot.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /start registers the user every time: only a change is written (a commit per /start capped updates per second). */
class UserRegistrationWritesTest {
    private static final UserId IVAN = new UserId(1001);

    private final InMemoryUsers stored = new InMemoryUsers();
    private int saves;
    private final Users users = new Users() {
        @Override
        public Optional<User> find(UserId id) {
            return stored.find(id);
        }

        @Override
        public Optional<User> findByUsername(String username) {
            return stored.findByUsername(username);
        }

        @Override
        public void save(User user) {
            saves++;
            stored.save(user);
        }
    };
    private final UserRegistration registration = new UserRegistration(users, new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));

    @Test
    void a_known_user_unchanged_is_not_written_again() {
        User first = registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan", "ru"));

        User again = registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan", "ru"));

        assertThat(again).isEqualTo(first);
        assertThat(saves).isEqualTo(1);
    }

    @Test
    void a_new_name_or_an_unblocking_is_written() {
        registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan", "ru"));

        registration.register(new RegisterUserCommand(IVAN, "Ivan P.", "ivan", "ru"));
        stored.save(stored.find(IVAN).orElseThrow().withBlocked(true));
        User back = registration.register(new RegisterUserCommand(IVAN, "Ivan P.", "ivan", "ru"));

        assertThat(saves).isEqualTo(3);
        assertThat(back.blocked()).isFalse();
        assertThat(stored.find(IVAN).orElseThrow()).isEqualTo(back);
        assertThat(back.firstName()).isEqualTo("Ivan P.");
    }
}
