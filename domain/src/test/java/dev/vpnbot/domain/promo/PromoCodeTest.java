package dev.vpnbot.domain.promo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromoCodeTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final TariffId MONTH = new TariffId(1);
    private static final TariffSnapshot LIST = new TariffSnapshot(MONTH, 30, Money.of("4.99", "USD"), Stars.price(250));

    private static PromoCode code(Benefit benefit, int uses, int perUser, Instant expires, Set<TariffId> tariffs, boolean newOnly) {
        return new PromoCode(0, " summer-26 ", benefit, uses, perUser, expires, tariffs, newOnly, false, NOW);
    }

    @Test
    void codes_are_typed_in_any_case_and_garbage_or_too_long_is_no_code() {
        assertThat(code(new Benefit.PercentOff(10), 0, 0, null, Set.of(), false).code()).isEqualTo("SUMMER-26");
        assertThat(PromoCode.normalize("a".repeat(33))).isEmpty();
        assertThat(PromoCode.normalize("<b>x</b>")).isEmpty();
        assertThat(PromoCode.normalize("ab")).isEmpty();
        assertThat(PromoCode.normalize("ok_123")).contains("OK_123");
    }

    @Test
    void percent_off_rounds_the_discount_down_to_cents_and_the_stars_up() {
        Discount d = Discount.of(new Benefit.PercentOff(15), LIST);
        assertThat(d.off()).isEqualTo(Money.of("0.74", "USD")); // 0.7485 → 0.74
        assertThat(d.offered().price()).isEqualTo(Money.of("4.25", "USD"));
        assertThat(d.offered().stars()).isEqualTo(Stars.price(213)); // 250 × 4.25 / 4.99 = 212.9… → 213
        assertThat(d.offered().days()).isEqualTo(30);
    }

    @Test
    void an_amount_off_never_goes_below_zero_and_a_full_discount_is_free_without_stars() {
        Discount d = Discount.of(new Benefit.AmountOff(Money.of("10", "USD")), LIST);
        assertThat(d.isFree()).isTrue();
        assertThat(d.off()).isEqualTo(LIST.price());
        assertThat(d.offered().stars()).isNull();
        assertThat(Discount.of(new Benefit.PercentOff(100), LIST).isFree()).isTrue();
        assertThatThrownBy(() -> Discount.of(new Benefit.AmountOff(Money.of("1", "EUR")), LIST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extra_days_keep_the_price() {
        Discount d = Discount.of(new Benefit.ExtraDays(7), LIST);
        assertThat(d.offered().days()).isEqualTo(37);
        assertThat(d.extraDays()).isEqualTo(7);
        assertThat(d.offered().price()).isEqualTo(LIST.price());
        assertThat(d.off()).isEqualTo(Money.of("0", "USD"));
    }

    @Test
    void the_first_broken_rule_is_named() {
        PromoCode limited = code(new Benefit.PercentOff(10), 1, 1, NOW.plusSeconds(60), Set.of(MONTH), true);
        assertThat(limited.problemWith(MONTH, NOW, 0, 0, true)).isEmpty();
        assertThat(limited.disable().problemWith(MONTH, NOW, 0, 0, true)).contains(CodeProblem.DISABLED);
        assertThat(limited.problemWith(MONTH, NOW.plusSeconds(60), 0, 0, true)).contains(CodeProblem.EXPIRED);
        assertThat(limited.problemWith(new TariffId(2), NOW, 0, 0, true)).contains(CodeProblem.WRONG_TARIFF);
        assertThat(limited.problemWith(MONTH, NOW, 0, 0, false)).contains(CodeProblem.NEW_USERS_ONLY);
        assertThat(limited.problemWith(MONTH, NOW, 1, 1, true)).contains(CodeProblem.USED_UP_BY_USER);
        assertThat(limited.problemWith(MONTH, NOW, 1, 0, true)).contains(CodeProblem.EXHAUSTED);
    }

    @Test
    void a_free_key_applies_to_its_own_tariff_only() {
        PromoCode free = code(new Benefit.FreeKey(MONTH), 0, 0, null, Set.of(), false);
        assertThat(free.appliesTo(MONTH)).isTrue();
        assertThat(free.problemWith(new TariffId(2), NOW, 0, 0, true)).isEqualTo(Optional.of(CodeProblem.WRONG_TARIFF));
        assertThat(Discount.of(free.benefit(), LIST).isFree()).isTrue();
    }
}
