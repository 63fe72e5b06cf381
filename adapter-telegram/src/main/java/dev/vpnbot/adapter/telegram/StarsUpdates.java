package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.stars.StarsCounter;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.domain.user.UserId;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The Stars updates {@link UpdateDispatcher} handles at once instead of queueing them: the
 * pre-checkout query (Telegram waits at most 10 seconds for its answer) and the successful or
 * refunded payment (confirmed to Telegram only after its transaction committed; a failure throws).
 */
final class StarsUpdates {
    // logged under the dispatcher's name, as before these lines moved here
    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final StarsCounter stars;
    private final BiConsumer<Message, String> paid;

    /**
     * @param stars null when Stars are off
     * @param paid told the message and the invoice payload of a payment that went through, from a sender
     */
    StarsUpdates(StarsCounter stars, BiConsumer<Message, String> paid) {
        this.stars = stars;
        this.paid = paid;
    }

    /** True when the update was a Stars one and is handled; a payment's outcome is told to {@code outcomes}. */
    boolean handled(Update update, Consumer<Boolean> outcomes) {
        if (update.hasPreCheckoutQuery()) {
            if (stars != null) stars.preCheckout(update.getPreCheckoutQuery());
            else LOG.warn("pre-checkout query {} but Stars are off: not answered", update.getPreCheckoutQuery().getId());
            return true;
        }
        if (update.hasMessage() && isStarsPayment(update.getMessage())) {
            try {
                onStarsPayment(update.getMessage());
            } catch (RuntimeException e) {
                outcomes.accept(false);
                throw e;
            }
            outcomes.accept(true);
            return true;
        }
        return false;
    }

    private static boolean isStarsPayment(Message message) {
        return message.hasSuccessfulPayment() || message.getRefundedPayment() != null;
    }

    /** successful_payment and refunded_payment: service messages in the payer's private chat. */
    private void onStarsPayment(Message message) {
        if (stars == null || !message.isUserMessage()) {
            LOG.error("Stars payment message in chat {} but Stars are off here: look at it in the Telegram Stars history", message.getChatId());
            return;
        }
        // the payer: the sender of successful_payment; a refund's service message may come without one, in the payer's private chat
        long payerId = message.getFrom() != null && !Boolean.TRUE.equals(message.getFrom().getIsBot()) ? message.getFrom().getId() : message.getChatId();
        UserId payer = new UserId(payerId);
        if (message.getRefundedPayment() != null) {
            stars.refunded(payer, message.getRefundedPayment(), "refunded_payment in message " + message.getMessageId());
            return;
        }
        var payment = message.getSuccessfulPayment();
        var outcome = stars.paid(payer, payment, "successful_payment in message " + message.getMessageId() + ", provider charge "
                + payment.getProviderPaymentChargeId());
        if (outcome == ConfirmPaymentUseCase.Outcome.PAID && message.getFrom() != null) {
            paid.accept(message, payment.getInvoicePayload());
        }
    }
}
