package dev.vpnbot.domain.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrialPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void trial_is_off_by_default() {
        User user = User.register(new UserId(1), "A", "a", Language.EN, T0);
        assertThat(TrialPolicy.off().closedGate(user, T0.plus(Duration.ofDays(9)))).contains(TrialPolicy.Gate.DISABLED);
    }

    @Test
    void gates_username_then_account_age() {
        TrialPolicy policy = new TrialPolicy(true, true, Duration.ofMinutes(10), null, 1, 1, 0);
        User nameless = User.register(new UserId(1), "A", null, Language.EN, T0);
        User named = User.register(new UserId(2), "B", "b", Language.EN, T0);

        assertThat(policy.closedGate(nameless, T0.plus(Duration.ofHours(1)))).contains(TrialPolicy.Gate.USERNAME_REQUIRED);
        assertThat(policy.closedGate(named, T0.plus(Duration.ofMinutes(9)))).contains(TrialPolicy.Gate.ACCOUNT_TOO_NEW);
        assertThat(policy.closedGate(named, T0.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new TrialPolicy(true, false, Duration.ZERO, null, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrialPolicy(true, false, Duration.ofMinutes(-1), null, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrialPolicy(true, false, Duration.ZERO, null, 1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
