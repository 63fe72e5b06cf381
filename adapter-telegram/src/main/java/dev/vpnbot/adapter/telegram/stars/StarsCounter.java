package dev.vpnbot.adapter.telegram.stars;

import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Checkout;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Decline;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.RefundedPayment;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

/**
 * Telegram's Stars updates, as the use case wants them. The pre-checkout query is answered at
 * once on the thread that received the update, on the {@link StarsDirectLine} (never behind the
 * chat's queue or another user's updates); the use case only reads there. A successful or
 * refunded payment arrives as a service message and is applied in the payer's turn like any update.
 */
public final class StarsCounter {
    private static final Logger LOG = LoggerFactory.getLogger(StarsCounter.class);

    private final PayWithStarsUseCase stars;
    private final StarsDirectLine line;

    public StarsCounter(PayWithStarsUseCase stars, StarsDirectLine line) {
        this.stars = stars;
        this.line = line;
    }

    /** ok, or ok=false with the reason in the buyer's language; a failure on our side declines too. */
    public void preCheckout(PreCheckoutQuery query) {
        UserId payer = new UserId(query.getFrom().getId());
        Optional<Decline> decline;
        try {
            decline = stars.preCheckout(new Checkout(payer, query.getInvoicePayload(), query.getCurrency(),
                    query.getTotalAmount() == null ? -1 : query.getTotalAmount()));
        } catch (RuntimeException e) {
            LOG.error("pre-checkout of user {} for '{}' failed: declined", payer, query.getInvoicePayload(), e);
            decline = Optional.of(Decline.ORDER_NOT_PAYABLE);
        }
        Texts t = Texts.of(Language.fromTelegramCode(query.getFrom().getLanguageCode()));
        AnswerPreCheckoutQuery.AnswerPreCheckoutQueryBuilder<?, ?> answer = AnswerPreCheckoutQuery.builder()
                .preCheckoutQueryId(query.getId()).ok(decline.isEmpty());
        decline.ifPresent(d -> answer.errorMessage(t.label("stars.decline." + d.name())));
        boolean taken = line.answer(answer.build());
        LOG.info("pre-checkout of user {} for '{}': {}{}", payer, query.getInvoicePayload(), decline.map(Decline::name).orElse("ok"),
                taken ? "" : " (answer not taken)");
    }

    /** Applies the payment once per charge; the outcome says what the buyer should see. */
    public Outcome paid(UserId payer, SuccessfulPayment payment, String raw) {
        Outcome outcome = stars.paid(new Charge(payer, payment.getInvoicePayload(), payment.getCurrency(),
                payment.getTotalAmount() == null ? -1 : payment.getTotalAmount(), payment.getTelegramPaymentChargeId(), raw));
        LOG.info("Stars charge {} of user {} for '{}': {}", payment.getTelegramPaymentChargeId(), payer, payment.getInvoicePayload(), outcome);
        return outcome;
    }

    public Outcome refunded(UserId payer, RefundedPayment payment, String raw) {
        Outcome outcome = stars.refunded(new Charge(payer, payment.getInvoicePayload(), payment.getCurrency(),
                payment.getTotalAmount() == null ? -1 : payment.getTotalAmount(), payment.getTelegramPaymentChargeId(), raw));
        LOG.info("Stars charge {} of user {} refunded by Telegram: {}", payment.getTelegramPaymentChargeId(), payer, outcome);
        return outcome;
    }
}
