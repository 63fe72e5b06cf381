package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code Users} contract, for every implementation. */
public abstract class AbstractUsersContractTest extends PersistenceContract {

    protected AbstractUsersContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @Test
    void a_saved_user_comes_back_with_every_field() {
        User user = new User(new UserId(5_000_000_001L), "Иван Петров", "ivan_p", Language.EN,
                ZoneId.of("Asia/Yekaterinburg"), true, Instant.parse("2026-01-02T03:04:05.678Z"), true);
        ports.users().save(user);

        assertThat(ports.users().find(user.id())).contains(user);
    }

    @Test
    void a_ban_is_stored_and_lifted_and_keeps_every_other_field() {
        User user = savedUser(44).withTimeZone(ZoneId.of("Asia/Omsk"));
        ports.users().save(user.withBanned(true));
        assertThat(ports.users().find(user.id())).hasValueSatisfying(u -> assertThat(u.banned()).isTrue());

        ports.users().save(user.withBanned(true).withBanned(false));
        assertThat(ports.users().find(user.id())).contains(user);
    }

    @Test
    void a_user_without_username_or_zone_comes_back_as_saved() {
        User user = User.register(new UserId(42), "", null, Language.RU, NOW);
        ports.users().save(user);

        assertThat(ports.users().find(user.id())).contains(user);
    }

    @Test
    void saving_again_updates_the_user() {
        User user = savedUser(42);
        User changed = user.withLanguage(Language.EN).withNames("Ivan", "new_name").withBlocked(true);
        ports.users().save(changed);

        assertThat(ports.users().find(user.id())).contains(changed);
    }

    @Test
    void an_unknown_user_is_not_found() {
        savedUser(42);
        assertThat(ports.users().find(new UserId(43))).isEmpty();
    }

    @Test
    void a_user_is_found_by_username_ignoring_case_and_the_at_sign() {
        User user = User.register(new UserId(42), "Ivan", "Ivan_Petrov", Language.RU, NOW);
        ports.users().save(user);
        savedUser(43);

        assertThat(ports.users().findByUsername("ivan_petrov")).contains(user);
        assertThat(ports.users().findByUsername("@IVAN_PETROV")).contains(user);
        assertThat(ports.users().findByUsername(" @Ivan_Petrov ")).contains(user);
        assertThat(ports.users().findByUsername("ivan")).isEmpty();
        assertThat(ports.users().findByUsername("")).isEmpty();
    }
}
