package dev.vpnbot.domain.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GiftTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant UNTIL = NOW.plusSeconds(3600);

    private static Gift issued() {
        return new Gift(1, "abcdefghijklmnopqrst", new OrderId(1), new UserId(1), new TariffId(1), 30, Gift.Status.ISSUED,
                UNTIL, null, null, NOW, null);
    }

    @Test
    void only_twenty_base32_characters_make_a_gift_code() {
        assertThat(Gift.looksLikeCode("abcdefghijklmnopqrst")).isTrue();
        assertThat(Gift.looksLikeCode("234567abcdefghijklmn")).isTrue();
        for (String bad : new String[] {null, "", "abc", "ABCDEFGHIJKLMNOPQRST", "abcdefghijklmnopqrs1", "abcdefghijklmnopqrstu", "abcdefghij klmnopqrs"}) {
            assertThat(Gift.looksLikeCode(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> Gift.ordered("nope", new OrderId(1), new UserId(1), new TariffId(1), 30, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_issued_gift_is_open_until_its_validity_ends_and_reclaimable_from_then_on() {
        Gift gift = issued();
        assertThat(gift.openAt(NOW)).isTrue();
        assertThat(gift.reclaimableAt(NOW)).isFalse();
        assertThat(gift.openAt(UNTIL)).isFalse();
        assertThat(gift.reclaimableAt(UNTIL)).isTrue();
        Gift unpaid = Gift.ordered("abcdefghijklmnopqrst", new OrderId(1), new UserId(1), new TariffId(1), 30, NOW);
        assertThat(unpaid.openAt(NOW)).isFalse();
        assertThat(unpaid.reclaimableAt(NOW.plusSeconds(999_999))).isFalse();
    }

    @Test
    void an_issued_gift_needs_an_end_of_validity_and_at_least_one_day() {
        assertThatThrownBy(() -> new Gift(1, "abcdefghijklmnopqrst", new OrderId(1), new UserId(1), new TariffId(1), 30,
                Gift.Status.ISSUED, null, null, null, NOW, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gift.ordered("abcdefghijklmnopqrst", new OrderId(1), new UserId(1), new TariffId(1), 0, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
