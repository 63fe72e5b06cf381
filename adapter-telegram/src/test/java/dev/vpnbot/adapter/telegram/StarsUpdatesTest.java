package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.service.account.UserLookup;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: a Stars payment update is confirmed to Telegram only once it is applied. Telegram never
 * sends a successful_payment again after our webhook said 200 (or the next poll moved past it),
 * so a payment that could not be applied (the database away) must fail the delivery instead.
 */
class StarsUpdatesTest {
    private static final String SECRET = "s3cret_webhook-token";
    private BotRig rig;
    private TelegramBot bot;

    @AfterEach
    void close() {
        if (bot != null) bot.close();
        if (rig != null) rig.close();
    }

    @Test
    void a_payment_that_could_not_be_applied_fails_the_webhook_so_telegram_delivers_it_again() {
        rig = BotRig.startedWithStars(b -> b.webhook(SECRET));
        AtomicInteger attempts = new AtomicInteger();
        PayWithStarsUseCase databaseAwayOnce = new PayWithStarsUseCase() {
            @Override public boolean offered(UserId user, OrderId orderId) { return rig.shop.stars.offered(user, orderId); }
            @Override public StarsInvoice invoice(UserId user, OrderId orderId) { return rig.shop.stars.invoice(user, orderId); }
            @Override public Optional<Decline> preCheckout(Checkout checkout) { return rig.shop.stars.preCheckout(checkout); }
            @Override public Outcome refunded(Charge charge) { return rig.shop.stars.refunded(charge); }

            @Override
            public Outcome paid(Charge charge) {
                if (attempts.getAndIncrement() == 0) throw new IllegalStateException("database unavailable");
                return rig.shop.stars.paid(charge);
            }
        };
        TelegramUseCases useCases = new TelegramUseCases(rig.shop.registration, new UserLookup(rig.users), rig.shop.languageChange,
                rig.shop.catalogue, rig.shop.catalogue, rig.shop.placement, rig.shop.paymentCheck, rig.shop.cancellation, rig.shop.myKeys,
                rig.shop.timeZoneChange)
                .withStars(databaseAwayOnce).withApps(rig.apps);
        bot = new TelegramBot(rig.settings, rig.sender, useCases, rig.admin, rig.states, rig.starsLine);
        rig.shop.registration.register(new RegisterUserCommand(new UserId(1001), "Ivan", null, "en"));
        Order order = rig.shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(new UserId(1001), new TariffId(1), new ServerId(1)));
        byte[] update = """
                {"update_id": 93, "message": {"message_id": 9, "date": 1767225600,
                  "from": {"id": 1001, "is_bot": false, "first_name": "Ivan"}, "chat": {"id": 1001, "type": "private"},
                  "successful_payment": {"currency": "XTR", "total_amount": 250, "invoice_payload": "%s",
                    "telegram_payment_charge_id": "stxRETRY1", "provider_payment_charge_id": ""}}}
                """.formatted(order.publicId().value()).getBytes(StandardCharsets.UTF_8);
        Optional<InetAddress> telegram = Optional.of(InetAddress.getLoopbackAddress());

        assertThatThrownBy(() -> bot.receiveWebhook(Optional.of(SECRET), update, telegram)).hasMessageContaining("database unavailable");
        assertThat(rig.shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        assertThat(bot.receiveWebhook(Optional.of(SECRET), update, telegram)).isEqualTo(200); // Telegram's next try
        assertThat(rig.shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(bot.receiveWebhook(Optional.of(SECRET), update, telegram)).isEqualTo(200);
        assertThat(rig.shop.starPayments.ofPayer(new UserId(1001), 10)).hasSize(1);
    }
}
