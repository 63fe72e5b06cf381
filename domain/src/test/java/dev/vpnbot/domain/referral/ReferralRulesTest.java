package dev.vpnbot.domain.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReferralRulesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final User anna = User.register(new UserId(1), "Anna", "anna", Language.EN, T0);
    private final User boris = User.register(new UserId(2), "Boris", "boris", Language.EN, T0.plusSeconds(60));

    @ParameterizedTest
    @ValueSource(strings = {"", "ref_", "ref_abc", "ref_abc!defg", "gift_abcdefgh", "REF_abcdefgh", "ref_abcdefgh ", "ref_абвгдежз",
            "ref_abcdefghijklmnopq", "ref_abcdefgh'; drop table users; --"})
    void start_payload_that_is_garbage_or_another_kind_carries_no_code(String payload) {
        assertThat(ReferralCode.fromStartPayload(payload)).isEmpty();
    }

    @Test
    void start_payload_too_long_is_ignored_before_it_is_looked_at() {
        assertThat(ReferralCode.fromStartPayload("ref_" + "a".repeat(200))).isEmpty();
        assertThat(ReferralCode.fromStartPayload(null)).isEmpty();
    }

    @Test
    void start_payload_with_a_code_gives_the_code() {
        assertThat(ReferralCode.fromStartPayload("ref_Ab3dEf9h")).contains(new ReferralCode("Ab3dEf9h"));
        assertThat(new ReferralCode("Ab3dEf9h").startPayload()).isEqualTo("ref_Ab3dEf9h");
    }

    @Test
    void self_referral_is_refused() {
        assertThat(Referral.invite(anna, anna, true, T0).refused()).isEqualTo(Referral.Refused.SELF_REFERRAL);
    }

    @Test
    void a_user_known_before_the_link_is_refused() {
        assertThat(Referral.invite(anna, boris, false, T0).refused()).isEqualTo(Referral.Refused.NOT_A_NEWCOMER);
    }

    @Test
    void the_referrer_must_have_registered_before_the_invited_user_so_a_loop_rewards_at_most_the_first() {
        assertThat(Referral.invite(anna, boris, true, T0).accepted()).isPresent();
        assertThat(Referral.invite(boris, anna, true, T0).refused()).isEqualTo(Referral.Refused.REFERRER_NOT_OLDER);
    }

    @Test
    void reward_life_waiting_granted_reversing_reversed_and_no_shortcuts() {
        Referral waiting = Referral.invite(anna, boris, true, T0).referral();
        Referral granted = waiting.granted(new OrderId(5), new ReferralReward.ExtraDays(7), new OrderId(6), T0);
        assertThat(granted.reversing(T0).reversed().state()).isEqualTo(Referral.State.REVERSED);
        assertThatThrownBy(() -> granted.granted(new OrderId(5), new ReferralReward.ExtraDays(7), new OrderId(7), T0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> waiting.reversing(T0)).isInstanceOf(IllegalStateException.class);
        assertThat(waiting.voided(new OrderId(5)).state()).isEqualTo(Referral.State.VOID);
    }
}
