package dev.vpnbot.adapter.telegram.stars;

import dev.vpnbot.adapter.telegram.outbox.OutboxSettings;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Stars calls that must not wait behind the rate-limited queue, made at once on the caller's
 * thread: the answer to a pre-checkout query (Telegram cancels the payment after 10 seconds
 * without one, Bot API "answerPreCheckoutQuery") and the refund an admin is waiting for. Neither
 * is a message in a chat, so the per-chat and global message limits do not apply to them.
 */
public final class StarsDirectLine implements StarsRefunds {
    private static final Logger LOG = LoggerFactory.getLogger(StarsDirectLine.class);
    /** Well inside Telegram's 10 s, so a slow line still leaves time for nothing worse than a late "no". */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final TelegramClient client;

    /** On the process's shared client: a derived one with a short call timeout. */
    public StarsDirectLine(OkHttpClient shared, OutboxSettings settings) {
        this(new OkHttpTelegramClient(shared.newBuilder().callTimeout(CALL_TIMEOUT).build(), settings.botToken(), settings.telegramUrl()));
    }

    StarsDirectLine(TelegramClient client) {
        this.client = client;
    }

    /** True when Telegram took the answer; a failure is logged (Telegram then cancels the payment itself). */
    boolean answer(AnswerPreCheckoutQuery answer) {
        try {
            return Boolean.TRUE.equals(client.execute(answer));
        } catch (TelegramApiException e) {
            LOG.warn("pre-checkout query {} could not be answered: {}", answer.getPreCheckoutQueryId(), e.getMessage());
            return false;
        }
    }

    /** refundStarPayment; Telegram's CHARGE_ALREADY_REFUNDED counts as done. */
    @Override
    public void refund(UserId payer, String chargeId) {
        RefundStarPayment refund = RefundStarPayment.builder().userId(payer.telegramId()).telegramPaymentChargeId(chargeId).build();
        try {
            client.execute(refund);
        } catch (TelegramApiRequestException e) {
            String said = String.valueOf(e.getApiResponse());
            if (said.contains("CHARGE_ALREADY_REFUNDED")) {
                LOG.info("Stars charge {} was refunded before", chargeId);
                return;
            }
            Integer code = e.getErrorCode();
            throw new PaymentGatewayException("Telegram refused the refund: " + said, code == null || code == 429 || code >= 500, e);
        } catch (TelegramApiException e) {
            throw new PaymentGatewayException("Telegram could not be asked for the refund: " + e.getMessage(), true, e);
        }
    }
}
