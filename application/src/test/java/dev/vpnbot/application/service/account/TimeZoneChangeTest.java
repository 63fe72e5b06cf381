package dev.vpnbot.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZoneChangeTest {
    private static final UserId IVAN = new UserId(1001);

    private final InMemoryUsers users = new InMemoryUsers();
    private final TimeZoneChange change = new TimeZoneChange(users);

    TimeZoneChangeTest() {
        new UserRegistration(users, new MutableClock(Instant.parse("2026-03-01T10:00:00Z")))
                .register(new RegisterUserCommand(IVAN, "Ivan", null, "ru"));
    }

    @Test
    void a_known_zone_is_stored_and_a_bare_offset_becomes_a_named_utc_offset() {
        assertThat(change.changeTimeZone(IVAN, "Asia/Novosibirsk").timeZone()).isEqualTo(ZoneId.of("Asia/Novosibirsk"));
        assertThat(users.find(IVAN).orElseThrow().timeZone()).isEqualTo(ZoneId.of("Asia/Novosibirsk"));
        assertThat(change.changeTimeZone(IVAN, "+05:30").timeZone().getId()).isEqualTo("UTC+05:30");
        assertThat(change.changeTimeZone(IVAN, "UTC-0400").timeZone().getId()).isEqualTo("UTC-04:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "Europe/Moskva", "", "UTC+25", "../etc/passwd"})
    void a_zone_that_does_not_exist_is_refused_and_nothing_is_stored(String zone) {
        change.changeTimeZone(IVAN, "Europe/Moscow");

        assertThatThrownBy(() -> change.changeTimeZone(IVAN, zone))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.UNKNOWN_TIME_ZONE));
        assertThat(users.find(IVAN).orElseThrow().timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }
}
