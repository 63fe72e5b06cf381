package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import org.junit.jupiter.api.Test;

/** How Heleket's money fields become an amount paid in the invoice currency. */
class InvoiceFiguresTest {

    @Test
    void paid_in_the_invoice_currency_is_taken_as_is_rounded_down_to_its_scale() {
        InvoiceFigures f = new InvoiceFigures("15.00", "USD", "3.45999999", null, "USD", null);
        assertThat(f.invoiced()).isEqualTo(Money.of("15", "USD"));
        assertThat(f.paid(PaymentStatus.WRONG_AMOUNT)).isEqualTo(Money.of("3.45", "USD"));
    }

    @Test
    void paid_in_crypto_is_the_paid_share_of_what_heleket_asked_in_that_crypto() {
        InvoiceFigures f = new InvoiceFigures("500.00", "RUB", "3.12500000", "6.25000000", "USDT", "3.13");
        assertThat(f.paid(PaymentStatus.WRONG_AMOUNT)).isEqualTo(Money.of("250.00", "RUB"));
    }

    @Test
    void without_the_asked_amount_a_dollar_invoice_falls_back_to_the_usd_figure_and_others_to_unknown() {
        assertThat(new InvoiceFigures("5.00", "USD", "4.00000000", null, "USDT", "4.00").paid(PaymentStatus.WRONG_AMOUNT))
                .isEqualTo(Money.of("4.00", "USD"));
        assertThat(new InvoiceFigures("500", "RUB", "4.00000000", null, "USDT", "4.00").paid(PaymentStatus.WRONG_AMOUNT)).isNull();
    }

    @Test
    void nothing_paid_is_null() {
        assertThat(new InvoiceFigures("5.00", "USD", null, null, null, null).paid(PaymentStatus.PENDING)).isNull();
        assertThat(new InvoiceFigures("5.00", "USD", "0.00000000", "5.00000000", "USDT", "0.00").paid(PaymentStatus.FAILED)).isNull();
    }

    @Test
    void when_heleket_says_paid_rounding_never_makes_it_less_than_the_invoice() {
        InvoiceFigures justUnder = new InvoiceFigures("5.00", "USD", "4.99999999", "5.00000000", "USDT", "4.99");
        assertThat(justUnder.paid(PaymentStatus.PAID)).isEqualTo(Money.of("5.00", "USD"));
        assertThat(new InvoiceFigures("5.00", "USD", null, null, null, null).paid(PaymentStatus.PAID)).isEqualTo(Money.of("5.00", "USD"));
        InvoiceFigures over = new InvoiceFigures("5.00", "USD", "6.50000000", "5.00000000", "USDT", "6.50");
        assertThat(over.paid(PaymentStatus.PAID_OVER)).isEqualTo(Money.of("6.50", "USD"));
    }

    @Test
    void an_invoice_in_a_currency_money_cannot_hold_is_an_error_not_a_guess() {
        assertThatThrownBy(() -> new InvoiceFigures("5.00", "USDT", null, null, null, null).invoiced()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceFigures("5.001", "USD", null, null, null, null).invoiced()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceFigures(null, "USD", null, null, null, null).invoiced()).isInstanceOf(IllegalArgumentException.class);
    }
}
