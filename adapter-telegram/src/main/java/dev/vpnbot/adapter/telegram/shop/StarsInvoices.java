package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.StarsInvoice;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;

/**
 * Stars invoices for orders (Bot API sendInvoice): currency XTR, an empty provider token (Stars
 * need no payment provider), one price, and the order's public id as the payload that Telegram
 * hands back in pre_checkout_query and successful_payment.
 */
final class StarsInvoices {
    /** Bot API sendInvoice: title 1-32 characters, description 1-255. */
    private static final int TITLE_MAX = 32;
    private static final int DESCRIPTION_MAX = 255;

    private final PayWithStarsUseCase stars;
    private final Outbox sender;

    StarsInvoices(PayWithStarsUseCase stars, Outbox sender) {
        this.stars = stars;
        this.sender = sender;
    }

    boolean offered(Interaction ix, Order order) {
        return stars.offered(ix.userId(), order.id());
    }

    void send(Interaction ix, OrderId orderId) {
        StarsInvoice invoice = stars.invoice(ix.userId(), orderId);
        sender.sendInvoice(ix.chatId(), invoice(ix.chatId(), ix.texts(), invoice));
        ix.toast(ix.texts().label("order.stars_invoice_sent"));
    }

    static SendInvoice invoice(long chatId, Texts t, StarsInvoice invoice) {
        String title = clip(t.label("stars.invoice.title", t.period(invoice.days())), TITLE_MAX);
        String description = clip(t.label("stars.invoice.description", invoice.payload().value(), t.period(invoice.days())), DESCRIPTION_MAX);
        return SendInvoice.builder()
                .chatId(chatId)
                .title(title)
                .description(description)
                .payload(invoice.payload().value())
                .providerToken("")
                .currency(Stars.CURRENCY)
                .prices(List.of(new LabeledPrice(title, Math.toIntExact(invoice.stars().count()))))
                .build();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
